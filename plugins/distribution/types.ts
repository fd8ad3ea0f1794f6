export const articleEvents = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
] as const
export type ArticleEvent = (typeof articleEvents)[number]

/**
 * What a channel may subscribe to: the article events, and `cache.purge` (the surrogate keys and
 * URLs a CDN should drop after any of them) — not subscribed by default.
 */
export const channelEvents = [...articleEvents, 'cache.purge'] as const
export type ChannelEvent = (typeof channelEvents)[number]

export type DistributionOptions = {
  /** The collection whose publishes are distributed. @default 'articles' */
  articles?: string
  /** Collections used by channel filters. @default sections, regions */
  sections?: string
  regions?: string
  /** Delay before each retry, in ms. @default 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h */
  retrySchedule?: number[]
  /** Default request timeout of a channel, in ms. @default 15000 */
  timeoutMs?: number
  /** When false the collections stay (stable schema) and no event is queued. @default true */
  enabled?: boolean
  /** Public site URL, for article links in payloads. @default NEWSROOM_SITE_URL */
  siteUrl?: string
  articlePath?: (article: { id: number | string; slug?: null | string }) => string
}

export type SanitizedDistributionConfig = {
  articlePath: (article: { id: number | string; slug?: null | string }) => string
  articles: string
  enabled: boolean
  regions: string
  retrySchedule: number[]
  sections: string
  siteUrl: () => string
  timeoutMs: number
}
