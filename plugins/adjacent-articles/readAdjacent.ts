import type { CollectionSlug, FieldHook, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import type { SanitizedAdjacentArticlesConfig } from './types'

import { idOf } from '../shared/relationIds'
import { publishedOnly } from '../shared/publication'
import { joinRequestBatch } from '../shared/requestBatch'

type ID = number | string
type Neighbours = { newer: ID | null; older: ID | null }
type Wanted = { date: string; group: ID; id: ID }

const compare = (a: { date: string; id: ID }, b: { date: string; id: ID }) => {
  const byDate = new Date(a.date).getTime() - new Date(b.date).getTime()
  if (byDate !== 0) return byDate
  return typeof a.id === 'number' && typeof b.id === 'number' ? a.id - b.id : String(a.id).localeCompare(String(b.id))
}

/**
 * Straight to the database adapter (its generic `find`, the same on every database): these reads
 * need only ids and dates, not Payload's access checks and read hooks, which cost several times the
 * query itself on every article page. Callers add the published-only condition themselves.
 */
const findIds = (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  args: { limit: number; select?: Record<string, true>; sort: string[]; where: Where },
): Promise<{ docs: Record<string, unknown>[] }> =>
  req.payload.db.find({ collection: collection.slug as CollectionSlug, limit: args.limit, pagination: false, req, select: args.select ?? {}, sort: args.sort, where: args.where })

const neighbour = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  doc: Wanted,
  direction: 'newer' | 'older',
): Promise<ID | null> => {
  const comparison = direction === 'newer' ? 'greater_than' : 'less_than'
  const where: Where = {
    and: [
      { [config.groupBy]: { equals: doc.group } },
      ...publishedOnly(collection),
      // Ties on the timestamp are broken by id, so every article has exactly one of each neighbour.
      { or: [{ [config.dateField]: { [comparison]: doc.date } }, { and: [{ [config.dateField]: { equals: doc.date } }, { id: { [comparison]: doc.id } }] }] },
    ],
  }
  const { docs } = await findIds(req, collection, { limit: 1, sort: direction === 'newer' ? [config.dateField, 'id'] : [`-${config.dateField}`, '-id'], where })
  return (docs[0]?.id as ID | undefined) ?? null
}

/**
 * Neighbours of several documents of one section. A list read in date order (a section page)
 * is one contiguous run of that section: one query reads the run, two more find what lies beyond
 * its ends. Anything else (a handful of scattered documents) falls back to two queries each.
 */
const neighboursInGroup = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  wanted: Wanted[],
): Promise<Map<string, Neighbours>> => {
  const result = new Map<string, Neighbours>()
  const one = async (doc: Wanted) => {
    const [newer, older] = await Promise.all([neighbour(config, collection, req, doc, 'newer'), neighbour(config, collection, req, doc, 'older')])
    result.set(String(doc.id), { newer, older })
  }
  const sorted = [...wanted].sort(compare)
  const first = sorted[0]!
  const last = sorted[sorted.length - 1]!
  if (sorted.length > 1) {
    const limit = sorted.length * 3
    const { docs } = await findIds(req, collection, {
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
    const run = (docs as unknown as Record<string, unknown>[]).map((doc) => ({ id: doc.id as ID, date: doc[config.dateField] as string })).sort(compare)
    const position = new Map(run.map((doc, index) => [String(doc.id), index]))
    if (run.length < limit && sorted.every((doc) => position.has(String(doc.id)))) {
      const [beyondNewest, beyondOldest] = await Promise.all([neighbour(config, collection, req, last, 'newer'), neighbour(config, collection, req, first, 'older')])
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
  await Promise.all(sorted.map(one))
  return result
}

/**
 * The seed page's previous/next lines: ids of the neighbouring published articles of the same
 * section, which Payload then populates like any relationship (one batched query). Only for the
 * documents being read, not for articles populated inside them; a list's documents are looked up
 * together.
 */
export const readAdjacent =
  (config: SanitizedAdjacentArticlesConfig): FieldHook =>
  async ({ collection, currentDepth, req, siblingData }) => {
    const empty: Neighbours = { newer: null, older: null }
    const group = idOf(siblingData?.[config.groupBy])
    if (!config.enabled || (currentDepth ?? 1) > 1 || !collection || !siblingData?.id || !siblingData[config.dateField] || group === null) {
      return empty
    }
    const wanted: Wanted = { id: siblingData.id as ID, date: siblingData[config.dateField] as string, group }
    const neighbours = await joinRequestBatch(req, `adjacent\n${collection.slug}`, wanted, async (docs) => {
      const groups = new Map<string, Wanted[]>()
      for (const doc of docs) groups.set(String(doc.group), [...(groups.get(String(doc.group)) ?? []), doc])
      const maps = await Promise.all([...groups.values()].map((group) => neighboursInGroup(config, collection, req, group)))
      return new Map(maps.flatMap((map) => [...map]))
    })
    return neighbours.get(String(siblingData.id)) ?? empty
  }
