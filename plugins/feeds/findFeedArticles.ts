import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { SanitizedFeedsConfig } from './types'

import { resolveArticleScope } from '../shared/articleScopes'
import { publishedOnly } from '../shared/publication'

export type FeedArticle = {
  body?: unknown
  bodyHtml?: null | string
  byline?: null | string
  id: number | string
  regionLabel?: null | string
  registeredAt?: null | string
  revisedAt?: null | string
  slug?: null | string
  subtitle?: null | string
  title: string
}

export type FeedScope = { kind: 'regions' | 'reporters' | 'sections'; slug: string }

/** Published articles of one scope, newest first; a 시도 includes its 시군구. */
export const findFeedArticles = async (
  config: SanitizedFeedsConfig,
  req: PayloadRequest,
  scope: FeedScope | null,
  extraWhere: Where[] = [],
  limit = config.limit,
): Promise<{ articles: FeedArticle[]; title: string }> => {
  const { collections } = config
  const articlesSlug = collections.articles as CollectionSlug
  const where: Where[] = [
    ...publishedOnly(req.payload.collections[articlesSlug]?.config),
    ...extraWhere,
  ]
  let title = config.title

  if (scope) {
    const { target, where: scoped } = await resolveArticleScope(
      req,
      collections,
      scope.kind,
      scope.slug,
    )
    where.push(scoped)
    title =
      scope.kind === 'sections'
        ? `${config.title} — ${target.name as string}`
        : scope.kind === 'regions'
          ? `${config.title} — ${(target.label ?? target.name) as string}`
          : `${config.title} — ${target.name as string} 기자`
  }

  const { docs } = await req.payload.find({
    collection: articlesSlug,
    depth: 0,
    limit,
    overrideAccess: false,
    pagination: false,
    req,
    select: {
      title: true,
      slug: true,
      subtitle: true,
      bodyHtml: true,
      byline: true,
      regionLabel: true,
      registeredAt: true,
      revisedAt: true,
    } as never,
    sort: '-registeredAt',
    where: { and: where },
  })
  return { articles: docs as unknown as FeedArticle[], title }
}
