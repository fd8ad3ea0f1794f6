import type { Endpoint, PayloadRequest } from 'payload'

import { Feed } from 'feed'
import { APIError } from 'payload'

import type { FeedScope } from '../findFeedArticles'
import type { SanitizedFeedsConfig } from '../types'

import { findFeedArticles } from '../findFeedArticles'
import { resolveApiOrigin } from '../../shared/siteLinks'
import { datesToKst } from '../kstDates'

const formats = { 'atom.xml': 'atom', 'rss.xml': 'rss' } as const

const renderFeed = async (
  config: SanitizedFeedsConfig,
  req: PayloadRequest,
  scope: FeedScope | null,
  file: string,
): Promise<Response> => {
  const format = formats[file as keyof typeof formats]
  if (!config.enabled || !format) throw new APIError('Not Found', 404, null, true)
  const { articles, title } = await findFeedArticles(config, req, scope)
  const site = config.siteUrl(req)
  const requested = new URL(req.url ?? '', site)
  const self = new URL(
    `${requested.pathname}${requested.search}`,
    resolveApiOrigin(req.payload.config.serverURL),
  ).toString()
  const feed = new Feed({
    id: self,
    title,
    link: site,
    language: 'ko',
    updated: articles[0]?.registeredAt
      ? new Date(articles[0].revisedAt ?? articles[0].registeredAt)
      : new Date(),
    copyright: `© ${config.title}`,
    generator: 'payload-newsroom',
    feedLinks: { [format]: self },
  })
  for (const article of articles) {
    const link = `${site}${config.articlePath(article)}`
    const published = new Date(article.registeredAt ?? Date.now())
    feed.addItem({
      id: link,
      guid: link,
      link,
      title: article.regionLabel ? `[${article.regionLabel}] ${article.title}` : article.title,
      description: article.subtitle ?? undefined,
      content: article.bodyHtml ?? undefined,
      date: article.revisedAt ? new Date(article.revisedAt) : published,
      published,
      author: article.byline ? [{ name: article.byline }] : undefined,
    })
  }
  const xml = datesToKst(format === 'rss' ? feed.rss2() : feed.atom1(), format)
  return new Response(xml, {
    headers: {
      'content-type': `application/${format === 'rss' ? 'rss' : 'atom'}+xml; charset=utf-8`,
    },
  })
}

/** RSS 2.0 and Atom for all news and per section, region (with its 시군구) and reporter. */
export const feedEndpoints = (config: SanitizedFeedsConfig): Endpoint[] => [
  {
    path: '/feeds/:file',
    method: 'get',
    handler: (req) => renderFeed(config, req, null, String(req.routeParams?.file)),
  },
  {
    path: '/feeds/:kind/:slug/:file',
    method: 'get',
    handler: (req) => {
      const kind = String(req.routeParams?.kind)
      if (kind !== 'sections' && kind !== 'regions' && kind !== 'reporters')
        throw new APIError('Not Found', 404, null, true)
      return renderFeed(
        config,
        req,
        { kind, slug: decodeURIComponent(String(req.routeParams?.slug)) },
        String(req.routeParams?.file),
      )
    },
  },
]
