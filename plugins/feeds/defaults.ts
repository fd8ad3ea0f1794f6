import type { FeedsOptions, SanitizedFeedsConfig } from './types'

export const sanitizeFeedsOptions = (options: FeedsOptions = {}): SanitizedFeedsConfig => ({
  articlePath: options.articlePath ?? ((article) => `/news/${encodeURIComponent(article.slug ?? String(article.id))}`),
  collections: {
    articles: options.collections?.articles ?? 'articles',
    regions: options.collections?.regions ?? 'regions',
    reporters: options.collections?.reporters ?? 'reporters',
    sections: options.collections?.sections ?? 'sections',
  },
  enabled: options.enabled ?? true,
  limit: options.limit ?? 50,
  reporterPath: options.reporterPath ?? ((reporter) => `/reporters/${encodeURIComponent(reporter.slug ?? '')}`),
  siteUrl: (req) =>
    (options.siteUrl || process.env.NEWSROOM_SITE_URL || req.payload.config.serverURL || 'http://localhost:3000').replace(/\/+$/, ''),
  sitemapPageSize: options.sitemapPageSize ?? 10_000,
  title: options.title ?? '뉴스룸',
})
