import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ID } from './relationIds'

import { hasDrafts } from './publication'

/**
 * Documents whose `field` holds `id`, in the stored (published) document or in its latest version:
 * a draft-only article, or a pending draft that changed the field, lives only in the versions.
 */
export const findReferencing = async ({
  collection,
  field,
  id,
  req,
}: {
  collection: string
  field: string
  id: ID
  req: PayloadRequest
}): Promise<ID[]> => {
  const slug = collection as CollectionSlug
  const lookups = [false, ...(hasDrafts(req.payload.collections[slug]?.config) ? [true] : [])].map(
    (draft) =>
      req.payload.find({
        collection: slug,
        depth: 0,
        draft,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        select: {},
        where: { [field]: { in: [id] } },
      }),
  )
  const ids = new Map<string, ID>()
  for (const result of await Promise.all(lookups))
    for (const doc of result.docs) ids.set(String(doc.id), doc.id)
  return [...ids.values()]
}
