import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { createLocalReq } from 'payload'

import type { ID } from './relationIds'

import { savesKeyOf, withLocks } from './documentLock'
import { publishedOnly } from './publication'
import { writeDocumentAndVersion } from './writeRelations'

/**
 * The document as an anonymous reader may see it (published, past any embargo — an embargoed story
 * stays a draft — and whatever else the collection's read access says for nobody), or null.
 * Readers, staff and preview links alike: counters count the public story only.
 */
export const findPublicDocument = async (
  req: PayloadRequest,
  collection: string,
  id: ID,
  select: Record<string, true>,
): Promise<null | Record<string, unknown>> => {
  const slug = collection as CollectionSlug
  const config = req.payload.collections[slug]?.config
  if (!config) return null
  const anonymous = await createLocalReq({ context: { ...req.context } }, req.payload)
  const where: Where = { and: [{ id: { equals: id } }, ...publishedOnly(config)] }
  const { docs } = await req.payload.find({
    collection: slug,
    depth: 0,
    draft: false,
    limit: 1,
    overrideAccess: false,
    pagination: false,
    req: anonymous,
    select: select as never,
    where,
  })
  return (docs[0] as Record<string, unknown> | undefined) ?? null
}

/**
 * Writes reader counters (votes, views) of one document: not a save — no hooks, no version, no
 * audit entry, `updatedAt` and `revisedAt` untouched — to the stored document and its latest
 * version (so that publishing a pending draft carries the counts rather than its old ones).
 *
 * `compute` gets the stored values and answers the new ones. It runs under the collection's save
 * lock (documentLock.ts: on PostgreSQL the lock every save of the collection holds until it
 * commits; a MongoDB lease across processes; in-process on SQLite), so two counter writes never
 * interleave and a save never writes back counts read before a counter write.
 */
export const writeCounters = async <Field extends string>(
  req: PayloadRequest,
  collection: string,
  id: ID,
  fields: readonly Field[],
  /** Given the stored values and the locked request (its queries must use it: on PostgreSQL a query outside the lock's transaction could wait for a pooled connection held by a waiter). */
  compute: (
    stored: Record<Field, number>,
    lockedReq: PayloadRequest,
  ) => Promise<Record<Field, number>> | Record<Field, number>,
): Promise<null | Record<Field, number>> => {
  const slug = collection as CollectionSlug
  return withLocks(req, [savesKeyOf(slug)], async (req) => {
    const stored = (await req.payload.db.findOne({
      collection: slug,
      req,
      select: Object.fromEntries(fields.map((field) => [field, true])),
      where: { id: { equals: id } },
    })) as null | Record<string, unknown>
    if (!stored) return null
    const current = Object.fromEntries(
      fields.map((field) => [field, Number(stored[field] ?? 0) || 0]),
    ) as Record<Field, number>
    const next = await compute(current, req)
    if (fields.every((field) => next[field] === current[field])) return next
    await writeDocumentAndVersion(req, slug, id, next, { keepUpdatedAt: true })
    return next
  })
}
