import type { CollectionSlug, FieldHook, PayloadRequest, SanitizedCollectionConfig, Where } from 'payload'

import type { SanitizedAdjacentArticlesConfig } from './types'

import { idOf } from '../shared/relationIds'
import { publishedOnly } from '../shared/publication'


const neighbour = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  doc: Record<string, unknown>,
  direction: 'newer' | 'older',
): Promise<null | number | string> => {
  const date = doc[config.dateField]
  const comparison = direction === 'newer' ? 'greater_than' : 'less_than'
  const where: Where = {
    and: [
      { [config.groupBy]: { equals: idOf(doc[config.groupBy]) } },
      ...publishedOnly(collection),
      // Ties on the timestamp are broken by id, so every article has exactly one of each neighbour.
      { or: [{ [config.dateField]: { [comparison]: date } }, { and: [{ [config.dateField]: { equals: date } }, { id: { [comparison]: doc.id } }] }] },
    ],
  }
  const { docs } = await req.payload.find({
    collection: collection.slug as CollectionSlug,
    depth: 0,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: {},
    sort: direction === 'newer' ? [config.dateField, 'id'] : [`-${config.dateField}`, '-id'],
    where,
  })
  return docs[0]?.id ?? null
}

/**
 * The seed page's previous/next lines: ids of the neighbouring published articles of the same
 * section, which Payload then populates like any relationship (one batched query). Only for the
 * article being read, not for articles populated inside it.
 */
export const readAdjacent =
  (config: SanitizedAdjacentArticlesConfig): FieldHook =>
  async ({ collection, currentDepth, req, siblingData }) => {
    const empty = { newer: null, older: null }
    if (!config.enabled || (currentDepth ?? 1) > 1 || !collection || !siblingData?.id || !siblingData[config.dateField] || idOf(siblingData[config.groupBy]) === null) {
      return empty
    }
    const [newer, older] = await Promise.all([
      neighbour(config, collection, req, siblingData, 'newer'),
      neighbour(config, collection, req, siblingData, 'older'),
    ])
    return { newer, older }
  }
