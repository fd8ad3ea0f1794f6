import type { CollectionConfig, CollectionSlug, FieldHook, Where } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { publishedOnly } from '../../shared/publication'

type JoinQuery = { count?: string; limit?: string; page?: string; sort?: string; where?: Where }

/**
 * Payload 3.90's SQL adapters compute a join's offset as `(page - 1) * (limit + 1) - 1`, which is
 * right for page 2 only (payload PR #15955): page 3 onwards of a reporter page came back empty or
 * shifted over REST. For those pages the join is read again through `find`, which pages right.
 */
export const repairJoinPage =
  (config: SanitizedReporterPagesConfig, articles: CollectionConfig | undefined): FieldHook =>
  async ({ req, siblingData, value }) => {
    const query = (req.query?.joins as Record<string, JoinQuery> | undefined)?.[config.joinField]
    const page = Number(query?.page ?? 1)
    if (!config.enabled || !siblingData?.id || !query || !(page > 2)) return value
    const limit = Number(query.limit ?? config.pageSize)
    const result = await req.payload.find({
      collection: config.articles as CollectionSlug,
      depth: 0,
      limit,
      overrideAccess: false,
      page,
      req,
      select: {},
      sort: query.sort ?? config.sort,
      where: {
        and: [
          { [config.bylineField]: { equals: siblingData.id } },
          ...publishedOnly(articles),
          ...(query.where ? [query.where] : []),
        ],
      },
    })
    return {
      docs: result.docs.map((doc) => doc.id),
      hasNextPage: result.hasNextPage,
      ...(query.count === 'true' ||
      (value as { totalDocs?: number } | undefined)?.totalDocs !== undefined
        ? { totalDocs: result.totalDocs }
        : {}),
    }
  }
