import type { Redis } from 'ioredis'

/** At most `points` per `durationSeconds`. */
export type RateLimit = { points: number; durationSeconds: number }

/** The most-read windows: the last 24 hours, the last 7 days. */
export type MostReadWindow = '24h' | '7d'

export type ArticleViewsOptions = {
  /** The collection whose documents are viewed. @default 'articles' */
  collection?: string
  /** The count field on the documents. @default 'viewCount' */
  field?: string
  /** The documents' section relationship, and the sections collection (most-read per section). @default 'section' / 'sections' */
  sectionField?: string
  sections?: string
  /** Media collection, for the headlines' images. @default 'media' */
  media?: string
  /**
   * Where views are buffered and most-read is counted: a Redis URL or an ioredis client shared by
   * every app process and worker; else this process's memory (then jobs must run in this
   * process, as in the embedded default). @default REDIS_URL, else memory
   */
  redis?: null | Redis | string
  /** Prefix of the store's keys. @default 'views' */
  keyPrefix?: string
  /** Reverse proxies in front that append to `X-Forwarded-For`. @default NEWSROOM_TRUSTED_PROXIES, else 0 */
  trustedProxies?: number
  /** One view per browser per document per this many seconds. @default 1800 (30 minutes) */
  dedupeSeconds?: number
  /** User-Agents never counted (crawlers, link previews, scripts; a missing one too). @default defaultBotPatterns */
  botPatterns?: RegExp[]
  /** Buffered views reach the database at most this often (one job per interval). @default 10 */
  flushSeconds?: number
  /** View beacons per client address. @default 600 per minute */
  viewsPerAddress?: RateLimit
  /**
   * @deprecated No effect: each window's ranking is a running total kept current as views come
   * (a sliding window over hourly buckets), so reading it costs no sum to cache.
   */
  mostReadCacheSeconds?: number
  /**
   * Where this process listens for the view log: beacons the edge (nginx) answered itself and
   * logged as syslog over UDP (deploy/nginx.conf), `host:port`. One process per edge, usually a
   * job worker; null: none (views are counted by the endpoint only).
   * @default NEWSROOM_VIEW_LOG_LISTEN, else null
   */
  viewLogListen?: null | string
  /**
   * Who may send view log records: addresses and CIDRs of the edge(s). Records from anyone else
   * are refused (they could name any address and token).
   * @default NEWSROOM_VIEW_LOG_FROM (comma-separated), else loopback (127.0.0.0/8, ::1)
   */
  viewLogFrom?: string[]
  /** The largest `limit` of most-read. @default 50 */
  maxLimit?: number
  /** The `limit` when none is asked. @default 10 */
  defaultLimit?: number
  /** The job task that writes buffered views. @default 'flushArticleViews' */
  taskSlug?: string
  /** When false, the fields stay and the endpoints and query are left out. @default true */
  enabled?: boolean
}

export type SanitizedArticleViewsConfig = Required<
  Omit<ArticleViewsOptions, 'mostReadCacheSeconds' | 'redis' | 'viewLogListen'>
> & {
  redis: null | Redis | string
  viewLogListen: null | string
}
