import type { CollectionAfterChangeHook, CollectionAfterDeleteHook, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

import { AFTER_COMMIT_ORDER, runAfterCommit } from '../../shared/afterCommit'
import { purgeMemory } from '../cacheState'
import { signalChange } from '../changeSignal'
import { purgeSiblingWorkers } from '../workers'

/**
 * Purges at once, and again when the request's transaction commits (a save's, or that of derived
 * writes announced through `announceChange`), after what other plugins write then (neighbour
 * links): a read between the change and the commit would otherwise store the state from before
 * it. Sibling workers of a cluster have purged too when the operation returns; other processes
 * learn of it through the change signal.
 */
export const purgeAfterCommit = async (req: PayloadRequest): Promise<void> => {
  purgeMemory()
  await runAfterCommit(
    req,
    async () => {
      purgeMemory()
      const token = crypto.randomUUID()
      // The signal is one slot, and a process does not purge for its own token, which may have
      // overwritten another process's set just before: purging again after writing it covers that
      // change too (it committed before its signal, so before ours), here and in the siblings.
      await signalChange(req.payload, token)
      purgeMemory()
      await purgeSiblingWorkers(token)
    },
    { onceKey: 'http-cache:purge', order: AFTER_COMMIT_ORDER.purge },
  )
}

/** A draft save changes nothing a reader sees (derived writes it makes announce themselves); anything else does. */
export const purgeChangedDocument: CollectionAfterChangeHook = async ({ doc, req }) => {
  if (!req.context.isDraftSave) await purgeAfterCommit(req)
  return doc
}

export const purgeDeletedDocument: CollectionAfterDeleteHook = async ({ doc, req }) => {
  await purgeAfterCommit(req)
  return doc
}
