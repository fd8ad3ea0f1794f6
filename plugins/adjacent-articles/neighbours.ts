import type {
  CollectionSlug,
  Payload,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import type { SanitizedAdjacentArticlesConfig } from './types'

import { publishedOnly } from '../shared/publication'

export type ID = number | string
export type Neighbours = { newer: ID | null; older: ID | null }
/** Where an article sits in its section's timeline. */
export type Position = { date: string; group: ID; id: ID }

/** Reads go through this; `req` joins them to the request's transaction when there is one. */
export type Reader = { payload: Payload; req?: PayloadRequest }

export const compare = (a: { date: string; id: ID }, b: { date: string; id: ID }): number => {
  const byDate = new Date(a.date).getTime() - new Date(b.date).getTime()
  if (byDate !== 0) return byDate
  return typeof a.id === 'number' && typeof b.id === 'number'
    ? a.id - b.id
    : String(a.id).localeCompare(String(b.id))
}

/**
 * Straight to the database adapter (its generic `find`, the same on every database): these reads
 * need only ids and dates, not Payload's access checks and read hooks, which cost several times the
 * query itself on every article page. Callers add the published-only condition themselves.
 */
export const findIds = (
  reader: Reader,
  collection: SanitizedCollectionConfig,
  args: { limit: number; select?: Record<string, unknown>; sort: string[]; where: Where },
): Promise<{ docs: Record<string, unknown>[] }> =>
  reader.payload.db.find({
    collection: collection.slug as CollectionSlug,
    limit: args.limit,
    pagination: false,
    req: reader.req,
    select: (args.select ?? {}) as never,
    sort: args.sort,
    where: args.where,
  })

export const neighbour = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  reader: Reader,
  doc: Position,
  direction: 'newer' | 'older',
): Promise<ID | null> => {
  const comparison = direction === 'newer' ? 'greater_than' : 'less_than'
  const where: Where = {
    and: [
      { [config.groupBy]: { equals: doc.group } },
      ...publishedOnly(collection),
      // Ties on the timestamp are broken by id, so every article has exactly one of each neighbour.
      {
        or: [
          { [config.dateField]: { [comparison]: doc.date } },
          { and: [{ [config.dateField]: { equals: doc.date } }, { id: { [comparison]: doc.id } }] },
        ],
      },
    ],
  }
  const { docs } = await findIds(reader, collection, {
    limit: 1,
    sort: direction === 'newer' ? [config.dateField, 'id'] : [`-${config.dateField}`, '-id'],
    where,
  })
  return (docs[0]?.id as ID | undefined) ?? null
}

/** The neighbours of one position, from the database as it is now (the document itself excluded). */
export const neighboursOf = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  reader: Reader,
  doc: Position,
): Promise<Neighbours> => {
  const [newer, older] = await Promise.all([
    neighbour(config, collection, reader, doc, 'newer'),
    neighbour(config, collection, reader, doc, 'older'),
  ])
  return { newer, older }
}

/**
 * Neighbours of several documents of one section. A list read in date order (a section page)
 * is one contiguous run of that section: one query reads the run, two more find what lies beyond
 * its ends. Anything else (a handful of scattered documents) falls back to two queries each.
 */
export const neighboursInGroup = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  reader: Reader,
  wanted: Position[],
): Promise<Map<string, Neighbours>> => {
  const result = new Map<string, Neighbours>()
  const sorted = [...wanted].sort(compare)
  const first = sorted[0]!
  const last = sorted[sorted.length - 1]!
  if (sorted.length > 1) {
    const limit = sorted.length * 3
    const { docs } = await findIds(reader, collection, {
      limit,
      select: { [config.dateField]: true },
      sort: [config.dateField, 'id'],
      where: {
        and: [
          { [config.groupBy]: { equals: first.group } },
          ...publishedOnly(collection),
          { [config.dateField]: { greater_than_equal: first.date } },
          { [config.dateField]: { less_than_equal: last.date } },
        ],
      },
    })
    const run = docs
      .map((doc) => ({ id: doc.id as ID, date: doc[config.dateField] as string }))
      .sort(compare)
    const position = new Map(run.map((doc, index) => [String(doc.id), index]))
    if (run.length < limit && sorted.every((doc) => position.has(String(doc.id)))) {
      const [beyondNewest, beyondOldest] = await Promise.all([
        neighbour(config, collection, reader, last, 'newer'),
        neighbour(config, collection, reader, first, 'older'),
      ])
      for (const doc of sorted) {
        const index = position.get(String(doc.id))!
        result.set(String(doc.id), {
          newer: index + 1 < run.length ? run[index + 1]!.id : beyondNewest,
          older: index > 0 ? run[index - 1]!.id : beyondOldest,
        })
      }
      return result
    }
  }
  await Promise.all(
    sorted.map(async (doc) =>
      result.set(String(doc.id), await neighboursOf(config, collection, reader, doc)),
    ),
  )
  return result
}
