import type { FeedsOptions, SanitizedFeedsConfig } from './types'

import { defaultArticlePath, defaultReporterPath, resolveSiteUrl } from '../shared/siteLinks'

export const sanitizeFeedsOptions = (options: FeedsOptions = {}): SanitizedFeedsConfig => ({
  articlePath: options.articlePath ?? defaultArticlePath,
  collections: {
    articles: options.collections?.articles ?? 'articles',
    regions: options.collections?.regions ?? 'regions',
    reporters: options.collections?.reporters ?? 'reporters',
    sections: options.collections?.sections ?? 'sections',
  },
  enabled: options.enabled ?? true,
  limit: options.limit ?? 50,
  reporterPath: options.reporterPath ?? defaultReporterPath,
  // Never the request's Host: a shared cache would hand one reader's Host to every reader.
  siteUrl: (req) =>
    resolveSiteUrl(
      options.siteUrl,
      req.payload.config.serverURL || process.env.NEWSROOM_PUBLIC_URL || undefined,
    ),
  sitemapPageSize: options.sitemapPageSize ?? 10_000,
  title: options.title ?? '뉴스룸',
})
