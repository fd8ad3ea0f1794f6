import type { CollectionAfterOperationHook } from 'payload'

import type { LockedArgs } from './lockSavedDocuments'

import { releaseDocumentLocks } from '../../shared/documentLock'
import { LOCKED } from './lockSavedDocuments'

/**
 * Where the database holds no lock for us (SQLite, a save without a transaction), the operation
 * that took the in-process lock gives it back once its save is written. The outermost one gives
 * back everything the request still holds: a nested save that failed and was caught never got to.
 */
export const releaseSavedDocuments: CollectionAfterOperationHook = async ({
  args,
  req,
  result,
}) => {
  const locked = (args as LockedArgs)[LOCKED]
  if (locked) await releaseDocumentLocks(req, locked.isOutermost ? undefined : locked.keys)
  return result
}
