import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'

import { hasStoredChange } from '../../../plugins/shared/storedChange'

/**
 * Payload releases a document's edit lock on every save, and autosave saves every few seconds, so
 * with autosave on a second editor could open and overwrite an article mid-edit (payload#11604).
 * An autosave is not the end of an edit: the lock goes back to the editor who is still typing.
 * An autosave that changed nothing is no sign of typing: the form's trailing autosave right after
 * a desk move (송고) took the lock back seconds later, and the desk, who had opened the story in
 * between without a lock to take over, was refused its own move (423).
 */
export const markAutosave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' && (args as { autosave?: boolean }).autosave)
    req.context.isAutosave = true
  return args
}

export const keepLockOnAutosave: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  if (!req.context.isAutosave || !req.user || collection.lockDocuments === false) return doc
  // The fields the saved answer carries (it leaves hidden ones out); one the earlier copy lacks is
  // null there (MongoDB stores no key for an unset field).
  if (previousDoc && !hasStoredChange(collection.fields, doc, previousDoc, { compare: 'sent' }))
    return doc
  await req.payload.create({
    collection: 'payload-locked-documents',
    data: {
      document: { relationTo: collection.slug, value: doc.id },
      user: { relationTo: req.user.collection, value: req.user.id },
    } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return doc
}
