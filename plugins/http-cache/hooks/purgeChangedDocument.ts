import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import { currentScope, purgeMemory } from '../cacheState'

// Local API writes (jobs, scripts) have no response to wait for: purge again once their
// transaction has surely committed, so a read racing the commit cannot keep the old state.
const purgeAgainLater = () => {
  for (const delay of [1000, 5000]) setTimeout(purgeMemory, delay).unref()
}

const purge = () => {
  purgeMemory()
  const scope = currentScope()
  if (scope) scope.hasPurged = true
  else purgeAgainLater()
}

/** A draft save changes nothing a reader sees; anything else does. */
export const purgeChangedDocument: CollectionAfterChangeHook = ({ doc, req }) => {
  if (!req.context.isDraftSave) purge()
  return doc
}

export const purgeDeletedDocument: CollectionAfterDeleteHook = ({ doc }) => {
  purge()
  return doc
}
