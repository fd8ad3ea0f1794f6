export const articleEvents = [
  'article.published',
  'article.updated',
  'article.unpublished',
  'article.deleted',
] as const
export type ArticleEvent = (typeof articleEvents)[number]

/**
 * The desk's moves of a story (송고, 반려, 승인), for newsroom chat integrations: the story's headline
 * fields and `workflow: { from, to, note, by }`. Announced by whoever calls `queueArticleEvent`
 * (the newsroom connects the editorial workflow's moves); not subscribed by default.
 */
export const workflowEvents = ['article.filed', 'article.returned', 'article.approved'] as const
export type WorkflowEvent = (typeof workflowEvents)[number]

/**
 * What a channel may subscribe to: the article events, `cache.purge` (the surrogate keys and URLs a
 * CDN should drop after any of them) and the desk's moves — the last two not subscribed by default.
 * New values go last: they are a select's options (a PostgreSQL enum).
 */
/**
 * The story's public record: a correction (정정·반론보도) added to a live story, and a story held
 * under embargo — sent early, with the embargo time, to the channels that subscribe (news-agency
 * practice; the receiver honours `embargo.until`). Announced through `queueArticleEvent`; not
 * subscribed by default.
 */
export const recordEvents = ['article.corrected', 'article.embargoed'] as const

export const channelEvents = [
  ...articleEvents,
  'cache.purge',
  ...workflowEvents,
  ...recordEvents,
] as const
export type ChannelEvent = (typeof channelEvents)[number]

/** How the admin names each event: in words, with the type a receiver sees. */
export const channelEventLabels: Record<ChannelEvent, { en: string; ko: string }> = {
  'article.published': { en: 'Published (article.published)', ko: '발행 (article.published)' },
  'article.updated': { en: 'Updated (article.updated)', ko: '수정 (article.updated)' },
  'article.unpublished': {
    en: 'Unpublished (article.unpublished)',
    ko: '발행 취소 (article.unpublished)',
  },
  'article.deleted': { en: 'Deleted (article.deleted)', ko: '삭제 (article.deleted)' },
  'cache.purge': { en: 'CDN cache purge (cache.purge)', ko: 'CDN 캐시 비우기 (cache.purge)' },
  'article.filed': { en: 'Filed to the desk (article.filed)', ko: '송고 (article.filed)' },
  'article.returned': {
    en: 'Returned by the desk (article.returned)',
    ko: '반려 (article.returned)',
  },
  'article.approved': {
    en: 'Approved by the desk (article.approved)',
    ko: '승인 (article.approved)',
  },
  'article.corrected': {
    en: 'Correction published (article.corrected)',
    ko: '정정·반론 게재 (article.corrected)',
  },
  'article.embargoed': {
    en: 'Held under embargo, sent early (article.embargoed)',
    ko: '엠바고 기사 사전 전송 (article.embargoed)',
  },
}

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
