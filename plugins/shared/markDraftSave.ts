import type { CollectionBeforeOperationHook } from 'payload'

/**
 * Only the operation knows whether a save is a draft save; later hooks read it from the context.
 * Payload's own rule: `draft` saves a draft only on a collection with drafts, and an update that
 * sets `_status: 'published'` with it publishes (the live document is written, so caches, links and
 * channels must hear of it); a create with `draft` is always a draft.
 */
export const markDraftSave: CollectionBeforeOperationHook = ({ args, collection, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const { data, draft } = args as { data?: { _status?: unknown }; draft?: boolean }
  const savesDraft = Boolean(draft) && Boolean(collection.versions?.drafts)
  req.context.isDraftSave = operation === 'create' ? savesDraft : savesDraft && data?._status !== 'published'
  return args
}
