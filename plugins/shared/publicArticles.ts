import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { publishedOnly } from './publication'

/**
 * The condition an anonymous reader's read of `slug` applies: the collection's own read access
 * asked for a request without a user (so embargo or any host rule counts), and published only.
 * False when anonymous readers see none of it. For checks made while a signed-in person (staff,
 * who would see drafts) asks on a reader's behalf.
 */
export const anonymousReadWhere = async (
  req: PayloadRequest,
  slug: string,
): Promise<false | Where> => {
  const collection = req.payload.collections[slug as CollectionSlug]?.config
  if (!collection) return false
  const anonymous = Object.assign(Object.create(req) as PayloadRequest, { user: null })
  const access = collection.access?.read
    ? await collection.access.read({ req: anonymous } as never)
    : false
  if (!access) return false
  const conditions: Where[] = [
    ...(access === true ? [] : [access as Where]),
    ...publishedOnly(collection),
  ]
  return conditions.length ? { and: conditions } : {}
}

/** The ids among `ids` of articles an anonymous reader may read now. */
export const publicArticleIds = async (
  req: PayloadRequest,
  slug: string,
  ids: (number | string)[],
): Promise<Set<string>> => {
  if (ids.length === 0) return new Set()
  const readable = await anonymousReadWhere(req, slug)
  if (readable === false) return new Set()
  const found = await req.payload.find({
    collection: slug as CollectionSlug,
    depth: 0,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    where: { and: [{ id: { in: ids } }, readable] },
  })
  return new Set(found.docs.map((doc) => String(doc.id)))
}
