import type { CollectionSlug, PayloadRequest } from 'payload'

import type { ID } from './relationIds'

import { transactionOf } from './afterCommit'

const queuesKey = Symbol.for('payload-newsroom.derived-writes')

/**
 * Runs the derived writes of one document one after another in this process. Payload's SQL
 * adapters replace a relationship or hasMany field by deleting its rows and inserting the new
 * ones; two writes to one document at once (jobs refreshing suggestions together) each inserted
 * after both had deleted, and the field came out doubled. Jobs run in one process (the first web
 * worker or `npm run worker`), where this holds; writes from two processes, or from concurrent
 * transactions (PostgreSQL), can still meet. Inside a transaction it does not wait: the transaction
 * keeps the rows it wrote locked until it commits, so waiting here could deadlock against it.
 */
const oneAtATime = async <T>(req: PayloadRequest, key: string, work: () => Promise<T>): Promise<T> => {
  if ((await transactionOf(req)) !== null) return work()
  const holder = globalThis as unknown as Record<symbol, Map<string, Promise<unknown>> | undefined>
  const queues = (holder[queuesKey] ??= new Map())
  const current = (queues.get(key) ?? Promise.resolve()).catch(() => undefined).then(work)
  queues.set(key, current)
  try {
    return await current
  } finally {
    if (queues.get(key) === current) queues.delete(key)
  }
}

/**
 * Writes derived fields (reciprocal links, computed suggestions) of another document without a
 * new version, hooks or a publish: the stored document and its latest version both get them, so
 * the admin (which edits the latest version) and readers (the published document) agree, and a
 * pending draft does not lose them when it is published later. Only those fields are written: the
 * version's other fields (keywords, reporters) are left as they are.
 */
export const writeDerivedFields = async ({
  collection,
  data,
  id,
  req,
}: {
  collection: string
  data: Record<string, unknown>
  id: ID
  req: PayloadRequest
}): Promise<void> => {
  const slug = collection as CollectionSlug
  await oneAtATime(req, `${slug}:${String(id)}`, async () => {
    await req.payload.db.updateOne({ collection: slug, data, id, req })
    const config = req.payload.collections[slug]?.config
    if (!config?.versions) return
    const { docs } = await req.payload.db.findVersions({
      collection: slug,
      limit: 1,
      pagination: false,
      req,
      select: { id: true },
      sort: '-updatedAt',
      // The version the admin edits: `updatedAt` alone could pick an older one saved in the same instant.
      where: config.versions.drafts ? { and: [{ parent: { equals: id } }, { latest: { equals: true } }] } : { parent: { equals: id } },
    })
    const latest = docs[0]
    if (!latest) return
    await req.payload.db.updateVersion({ collection: slug, id: latest.id, req, returning: false, versionData: { version: data } as never })
  })
}
