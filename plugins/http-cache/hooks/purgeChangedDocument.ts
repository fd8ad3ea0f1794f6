import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import { cacheState, purgeMemory } from '../cacheState'

/**
 * Purges at once, and again when the save's transaction commits (see `purgeAfterCommit`): a read
 * between the two would otherwise store the state from before the change.
 */
const purge = async (req: PayloadRequest) => {
  purgeMemory()
  const transaction = await req.transactionID
  if (transaction !== undefined && transaction !== null) cacheState().purgeOnCommit.add(String(transaction))
}

/** A draft save changes nothing a reader sees; anything else does. */
export const purgeChangedDocument: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.isDraftSave) await purge(req)
  return doc
}

export const purgeDeletedDocument: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await purge(req)
  return doc
}
