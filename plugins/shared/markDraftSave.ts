import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Only the operation knows whether a save is a draft save; later hooks read it from the context.
 * Payload's own rule: `draft` saves a draft only on a collection with drafts, and an update that
 * sets `_status: 'published'` with it publishes (the live document is written, so caches, links and
 * channels must hear of it); a create with `draft` is always a draft, and so is a version restored
 * with it (the admin's "restore as draft" writes a version only). A delete never is. Reads made
 * inside a save leave the flag alone.
 */
export const markDraftSave: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation === 'delete') req.context.isDraftSave = false
  if (operation !== 'create' && operation !== 'update' && operation !== 'restoreVersion')
    return args
  const { data, draft } = args as { data?: { _status?: unknown }; draft?: boolean }
  const savesDraft = Boolean(draft) && Boolean(collection.versions?.drafts)
  req.context.isDraftSave =
    operation === 'update' ? savesDraft && data?._status !== 'published' : savesDraft
  return args
}
