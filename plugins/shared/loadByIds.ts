import type { CollectionSlug, PayloadRequest } from 'payload'

type Doc = Record<string, unknown> & { id: number | string }

type Batch = { ids: Set<string>; result: Promise<Map<string, Doc>> }

const batchesOf = (req: PayloadRequest): Map<string, Batch> => {
  const context = req.context as { loadByIdsBatches?: Map<string, Batch> }
  context.loadByIdsBatches ??= new Map()
  return context.loadByIdsBatches
}

/**
 * Reads documents by id for field hooks, batched per request: every call made while one
 * document list is being read (each document's `afterRead` runs concurrently) shares a single
 * `id in (…)` query. This keeps a list of 20 articles at one query for all their related
 * articles, and one for all their reporters. Nothing is kept after the batch, so a write later in
 * the same request is never hidden. Access is not applied: callers filter what readers may see.
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
  const batches = batchesOf(req)
  const group = `${collection}\n${Object.keys(select).sort().join(',')}\n${options.shouldSkipReadHooks ? 'stored' : 'read'}`
  let batch = batches.get(group)
  if (!batch) {
    const ids = new Set<string>()
    // One turn of the event loop lets the other documents' hooks join this batch.
    const result = new Promise<void>((resolve) => setImmediate(resolve)).then(async () => {
      batches.delete(group)
      const wanted = [...ids]
      const where = { id: { in: wanted } }
      const { docs } = options.shouldSkipReadHooks
        ? await req.payload.db.find({ collection: collection as CollectionSlug, limit: wanted.length, pagination: false, req, select, where })
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
    batch = { ids, result }
    batches.set(group, batch)
  }
  for (const id of ids) batch.ids.add(String(id))
  const loaded = await batch.result
  return new Map(ids.flatMap((id) => (loaded.has(String(id)) ? [[String(id), loaded.get(String(id))!] as const] : [])))
}
