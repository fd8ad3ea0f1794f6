import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import { APIError } from 'payload'
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap'

import type { SanitizedFeedsConfig } from '../types'

import { formatKstIso } from '../../register-timestamps/formatKst'
import { findFeedArticles } from '../findFeedArticles'
import { publishedOnly } from '../../shared/publication'
import { resolveApiOrigin } from '../../shared/siteLinks'
import { datesToKst } from '../kstDates'

const NEWS_WINDOW_MS = 48 * 3600 * 1000
const NEWS_MAX_URLS = 1000

const xmlResponse = (xml: string) =>
  new Response(xml, { headers: { 'content-type': 'application/xml; charset=utf-8' } })

const apiOrigin = (req: PayloadRequest): string =>
  `${resolveApiOrigin(req.payload.config.serverURL)}${req.payload.config.routes.api}`

const publishedCount = async (
  config: SanitizedFeedsConfig,
  req: PayloadRequest,
): Promise<number> => {
  const slug = config.collections.articles as CollectionSlug
  const { totalDocs } = await req.payload.count({
    collection: slug,
    overrideAccess: false,
    req,
    where: { and: publishedOnly(req.payload.collections[slug]?.config) },
  })
  return totalDocs
}

/** Google News sitemap (last 48 h, at most 1,000), a sitemap index and the article sitemaps it lists. */
export const sitemapEndpoints = (config: SanitizedFeedsConfig): Endpoint[] => [
  {
    path: '/sitemaps/news.xml',
    method: 'get',
    handler: async (req) => {
      if (!config.enabled) throw new APIError('Not Found', 404, null, true)
      const since = new Date(Date.now() - NEWS_WINDOW_MS).toISOString()
      const { articles } = await findFeedArticles(
        config,
        req,
        null,
        [{ registeredAt: { greater_than_equal: since } }],
        NEWS_MAX_URLS,
      )
      const stream = new SitemapStream({
        hostname: config.siteUrl(req),
        xmlns: { news: true, xhtml: false, image: false, video: false },
      })
      for (const article of articles) {
        stream.write({
          url: config.articlePath(article),
          news: {
            publication: { name: config.title, language: 'ko' },
            publication_date: formatKstIso(article.registeredAt)!,
            title: article.title,
          },
        })
      }
      stream.end()
      return xmlResponse((await streamToPromise(stream)).toString())
    },
  },
  {
    path: '/sitemaps/index.xml',
    method: 'get',
    handler: async (req) => {
      if (!config.enabled) throw new APIError('Not Found', 404, null, true)
      const pages = Math.max(
        1,
        Math.ceil((await publishedCount(config, req)) / config.sitemapPageSize),
      )
      const stream = new SitemapIndexStream()
      stream.write({ url: `${apiOrigin(req)}/sitemaps/news.xml` })
      for (let page = 1; page <= pages; page++)
        stream.write({ url: `${apiOrigin(req)}/sitemaps/articles/${page}.xml` })
      stream.end()
      return xmlResponse((await streamToPromise(stream)).toString())
    },
  },
  {
    path: '/sitemaps/articles/:file',
    method: 'get',
    handler: async (req) => {
      const page = Number(/^(\d+)\.xml$/.exec(String(req.routeParams?.file))?.[1])
      if (!config.enabled || !(page >= 1)) throw new APIError('Not Found', 404, null, true)
      const slug = config.collections.articles as CollectionSlug
      const { docs } = await req.payload.find({
        collection: slug,
        depth: 0,
        limit: config.sitemapPageSize,
        overrideAccess: false,
        page,
        req,
        select: { slug: true, registeredAt: true, revisedAt: true } as never,
        sort: 'registeredAt',
        where: { and: publishedOnly(req.payload.collections[slug]?.config) },
      })
      if (docs.length === 0 && page > 1) throw new APIError('Not Found', 404, null, true)
      const stream = new SitemapStream({ hostname: config.siteUrl(req) })
      for (const doc of docs as unknown as {
        id: number | string
        registeredAt?: string
        revisedAt?: string
        slug?: string
      }[]) {
        const lastmod = doc.revisedAt ?? doc.registeredAt
        // The library rewrites lastmod in UTC; datesToKst below gives it back in +09:00.
        stream.write({ url: config.articlePath(doc), ...(lastmod ? { lastmod } : {}) })
      }
      stream.end()
      return xmlResponse(datesToKst((await streamToPromise(stream)).toString(), 'sitemap'))
    },
  },
]
