import type { CollectionSlug, PayloadRequest } from 'payload'

import { joinRequestBatch } from './requestBatch'

type Doc = Record<string, unknown> & { id: number | string }

/**
 * Reads documents by id for field hooks, batched per request: every call made while one
 * document list is being read shares a single `id in (…)` query. This keeps a list of 20 articles
 * at one query for all their related articles, and one for all their reporters. Nothing is kept
 * after the batch, so a write later in the same request is never hidden. Access is not applied:
 * callers filter what readers may see.
 */
export const loadByIds = async (
  req: PayloadRequest,
  collection: string,
  ids: (number | string)[],
  select: Record<string, true>,
  options: {
    /**
     * Read the stored fields straight from the database adapter (its generic `find`), skipping
     * Payload's read hooks — several times cheaper. Not for computed fields such as an upload's `url`.
     */
    shouldSkipReadHooks?: boolean
  } = {},
): Promise<Map<string, Doc>> => {
  if (ids.length === 0) return new Map()
  const key = `loadByIds\n${collection}\n${Object.keys(select).sort().join(',')}\n${options.shouldSkipReadHooks ? 'stored' : 'read'}`
  const loaded = await joinRequestBatch(req, key, ids, async (batches) => {
    const wanted = [...new Set(batches.flat().map(String))]
    const where = { id: { in: wanted } }
    const { docs } = options.shouldSkipReadHooks
      ? await req.payload.db.find({
          collection: collection as CollectionSlug,
          limit: wanted.length,
          pagination: false,
          req,
          select,
          where,
        })
      : await req.payload.find({
          collection: collection as CollectionSlug,
          depth: 0,
          limit: wanted.length,
          overrideAccess: true,
          pagination: false,
          req,
          select: select as never,
          where,
        })
    return new Map((docs as unknown as Doc[]).map((doc) => [String(doc.id), doc]))
  })
  return new Map(
    ids.flatMap((id) =>
      loaded.has(String(id)) ? [[String(id), loaded.get(String(id))!] as const] : [],
    ),
  )
}
