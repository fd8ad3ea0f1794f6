import type { DistributionOptions, SanitizedDistributionConfig } from './types'

import { defaultArticlePath, resolveSiteUrl } from '../shared/siteLinks'

const SECOND = 1000
const MINUTE = 60 * SECOND
const HOUR = 60 * MINUTE

/** Where the plugin keeps its sanitized options in the Payload config's `custom`, for `queueArticleEvent`. */
export const DISTRIBUTION_CONFIG_KEY = 'distribution'

export const defaultRetrySchedule = [
  5 * SECOND,
  5 * MINUTE,
  30 * MINUTE,
  2 * HOUR,
  5 * HOUR,
  10 * HOUR,
  10 * HOUR,
]

export const sanitizeDistributionOptions = (
  options: DistributionOptions = {},
): SanitizedDistributionConfig => ({
  articlePath: options.articlePath ?? defaultArticlePath,
  articles: options.articles ?? 'articles',
  enabled: options.enabled ?? true,
  regions: options.regions ?? 'regions',
  retrySchedule: options.retrySchedule ?? defaultRetrySchedule,
  sections: options.sections ?? 'sections',
  siteUrl: () => resolveSiteUrl(options.siteUrl),
  timeoutMs: options.timeoutMs ?? 15_000,
})
