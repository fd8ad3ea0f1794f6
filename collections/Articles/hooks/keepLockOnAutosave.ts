import type { CollectionAfterChangeHook, CollectionBeforeOperationHook } from 'payload'

/** The save's own stamps: every save moves them. */
const STAMPS = new Set(['updatedAt', 'updatedBy'])

const stable = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )

/** Whether the save changed a value both copies carry (hidden fields are in the stored copy only). */
const changedAnything = (doc: Record<string, unknown>, previous: Record<string, unknown>) =>
  Object.keys(doc).some(
    (key) =>
      !STAMPS.has(key) &&
      doc[key] !== undefined &&
      previous[key] !== undefined &&
      stable(doc[key]) !== stable(previous[key]),
  )

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
  if (previousDoc && !changedAnything(doc, previousDoc)) return doc
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
