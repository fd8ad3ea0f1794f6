import type {
  CollectionSlug,
  DefaultDocumentIDType,
  Payload,
  PayloadRequest,
  TypedUser,
  Where,
} from 'payload'

import { createLocalReq } from 'payload'

import { sameId } from '../../plugins/shared/relationIds'

/** Payload's built-in edit-lock collection (payload/dist/locked-documents/config.js). */
export const LOCKS_SLUG = 'payload-locked-documents'

type Relation = { relationTo?: unknown; value?: unknown }
export type Lock = {
  document?: null | Relation
  globalSlug?: null | string
  user?: null | Relation
}

/** Whether `user` may update the document (or global) the lock is on, by that entity's own update access. */
const mayEdit = async (payload: Payload, req: PayloadRequest, lock: Lock): Promise<boolean> => {
  if (lock.globalSlug) {
    const global = payload.config.globals.find((candidate) => candidate.slug === lock.globalSlug)
    if (!global) return false
    return (await global.access.update({ req, data: undefined })) === true
  }
  const slug = lock.document?.relationTo
  const id = lock.document?.value as number | string | undefined
  const collection =
    typeof slug === 'string' ? payload.collections[slug as CollectionSlug] : undefined
  if (!collection || id === undefined || id === null || typeof id === 'object') return false
  const access = await collection.config.access.update({
    id: id as DefaultDocumentIDType,
    req,
    data: undefined,
  })
  if (access === true) return true
  if (!access) return false
  const where: Where = { and: [{ id: { equals: id } }, access] }
  // Payload checks update access against the newest version first, then the published document.
  const draft = collection.config.versions?.drafts
    ? (
        await payload.find({
          collection: slug as CollectionSlug,
          where,
          draft: true,
          depth: 0,
          limit: 1,
          pagination: false,
          overrideAccess: true,
          req,
        })
      ).docs.length
    : 0
  return (
    draft > 0 ||
    (await payload.count({ collection: slug as CollectionSlug, where, overrideAccess: true, req }))
      .totalDocs > 0
  )
}

/**
 * The edit-lock rule: a lock is held in one's own name, on a document one may edit. What it
 * leaves of the admin UI's needs: taking a lock over (renaming it to oneself), releasing one's own
 * lock, reading locks to see who is editing (locks themselves are renewed by the admin's form state,
 * on the server, not through the API).
 */
export const isAllowedLock = async (
  payload: Payload,
  user: TypedUser,
  lock: Lock,
): Promise<boolean> => {
  if (!lock.user || lock.user.relationTo !== user.collection || !sameId(lock.user.value, user.id))
    return false
  if (!lock.globalSlug && !lock.document) return false
  const req = await createLocalReq({ user }, payload)
  return mayEdit(payload, req, lock)
}

export const isOwnLock = (user: TypedUser, lock: Lock): boolean =>
  Boolean(lock.user && lock.user.relationTo === user.collection && sameId(lock.user.value, user.id))
