import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import type { SanitizedFeedsConfig } from './types'

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

const scopeLabels = { regions: '지역', reporters: '기자', sections: '섹션' } as const

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
    const slug = collections[scope.kind] as CollectionSlug
    const found = await req.payload.find({
      collection: slug,
      depth: 0,
      limit: 1,
      req,
      where: { slug: { equals: scope.slug } },
    })
    const target = found.docs[0] as unknown as
      (Record<string, unknown> & { id: number | string }) | undefined
    if (!target)
      throw new APIError(
        `${scopeLabels[scope.kind]} '${scope.slug}'을(를) 찾을 수 없습니다 (not found)`,
        404,
        null,
        true,
      )
    if (scope.kind === 'sections') {
      where.push({ section: { equals: target.id } })
      title = `${config.title} — ${target.name as string}`
    } else if (scope.kind === 'regions') {
      const children = await req.payload.find({
        collection: slug,
        depth: 0,
        limit: 0,
        pagination: false,
        req,
        select: {},
        where: { parent: { equals: target.id } },
      })
      where.push({ region: { in: [target.id, ...children.docs.map((doc) => doc.id)] } })
      title = `${config.title} — ${(target.label ?? target.name) as string}`
    } else {
      where.push({ reporters: { in: [target.id] } })
      title = `${config.title} — ${target.name as string} 기자`
    }
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
