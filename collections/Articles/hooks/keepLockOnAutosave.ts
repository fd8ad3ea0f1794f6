import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'

/**
 * Payload releases a document's edit lock on every save, and autosave saves every few seconds, so
 * with autosave on a second editor could open and overwrite an article mid-edit (payload#11604).
 * An autosave is not the end of an edit: the lock goes back to the editor who is still typing.
 */
export const markAutosave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'update' && (args as { autosave?: boolean }).autosave)
    req.context.isAutosave = true
  return args
}

export const keepLockOnAutosave: CollectionAfterChangeHook = async ({ collection, doc, req }) => {
  if (!req.context.isAutosave || !req.user || collection.lockDocuments === false) return doc
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
