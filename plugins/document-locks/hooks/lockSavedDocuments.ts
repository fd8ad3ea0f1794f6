import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest, Where } from 'payload'

import { holdsDocumentLocks, lockDocuments } from '../../shared/documentLock'

/** What an operation's args carry from `lockSavedDocuments` to `releaseSavedDocuments`. */
export const LOCKED = Symbol.for('payload-newsroom.document-locks.locked')
export type LockedArgs = { [LOCKED]?: { isOutermost: boolean; keys: string[] } }

type OperationArgs = { id?: number | string; where?: Where }

const idsOf = async (
  req: PayloadRequest,
  collection: CollectionSlug,
  operation: string,
  args: OperationArgs,
): Promise<(number | string)[]> => {
  if (operation === 'restoreVersion') {
    if (args.id === undefined) return []
    const version = await req.payload.findVersionByID({
      collection,
      id: String(args.id),
      depth: 0,
      overrideAccess: true,
      req,
      disableErrors: true,
    })
    const parent = (version as { parent?: unknown } | null)?.parent
    const parentId =
      typeof parent === 'object' && parent !== null ? (parent as { id?: unknown }).id : parent
    return typeof parentId === 'string' || typeof parentId === 'number' ? [parentId] : []
  }
  if (args.id !== undefined) return [args.id]
  if (!args.where) return []
  // A bulk save: every document the query matches now.
  const { docs } = await req.payload.find({
    collection,
    where: args.where,
    depth: 0,
    pagination: false,
    overrideAccess: true,
    req,
    select: {},
  })
  return docs.map((doc) => doc.id as number | string)
}

/**
 * Before Payload reads the stored document of an update, delete or version restore, the document
 * is locked until the save's transaction ends (see plugins/shared/documentLock.ts): the next save
 * of it reads what this one wrote instead of the same old copy.
 */
export const lockSavedDocuments: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'update' && operation !== 'delete' && operation !== 'restoreVersion')
    return args
  const ids = await idsOf(req, collection.slug as CollectionSlug, operation, args as OperationArgs)
  if (ids.length === 0) return args
  const isOutermost = !holdsDocumentLocks(req)
  const keys = await lockDocuments(req, collection.slug, ids)
  if (keys.length > 0) (args as LockedArgs)[LOCKED] = { isOutermost, keys }
  return args
}
