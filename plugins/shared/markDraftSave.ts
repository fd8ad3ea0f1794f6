import type { CollectionBeforeOperationHook } from 'payload'

/** Only the operation knows whether a save is a draft save; later hooks read it from the context. */
export const markDraftSave: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation === 'create' || operation === 'update') req.context.isDraftSave = Boolean((args as { draft?: boolean }).draft)
  return args
}
