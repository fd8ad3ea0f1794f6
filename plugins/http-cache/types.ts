export type HttpCacheOptions = {
  /**
   * Collections whose documents name a response's surrogate keys and whose changes purge the
   * cache. @default ['articles', 'sections', 'regions', 'reporters', 'media']
   */
  collections?: string[]
  /** `s-maxage` for anonymous responses, in seconds. @default NEWSROOM_CACHE_S_MAXAGE or 10 */
  sMaxAge?: number
  /** `stale-while-revalidate`, in seconds. @default NEWSROOM_CACHE_SWR or 60 */
  staleWhileRevalidate?: number
  /**
   * `stale-if-error`, in seconds: how long a CDN may keep serving its copy while this server
   * answers errors, e.g. the 503s it sends when too many requests wait (RFC 5861). 0 leaves it out.
   * A purge still removes the copy. @default NEWSROOM_CACHE_SIE or 300
   */
  staleIfError?: number
  /**
   * How long this process serves an anonymous response from memory, in ms. Changes made in this
   * process purge it at once, changes made by another process (a separate worker, a second
   * server) within `changeSignalMs`. 0 turns the memory cache off. @default
   * NEWSROOM_CACHE_MEMORY_MS or 2000
   */
  memoryTtlMs?: number
  /**
   * How long this process reuses a document populated into anonymous reads (an article's section,
   * region, reporters, image, and the headline lines of its related and neighbouring articles),
   * in ms. Purged with the memory copies on every change made here, in sibling workers and,
   * through the change signal, in other processes (derived writes of jobs and endpoints announce
   * themselves: `plugins/shared/announceChange.ts`); the lifetime bounds only what reaches the
   * database without a purge: a lost signal, a write made around Payload. 0 turns it off. @default
   * NEWSROOM_CACHE_POPULATED_MS, or 60000 (`memoryTtlMs` when `changeSignalMs` is 0)
   */
  populatedTtlMs?: number
  /**
   * How often this process looks for changes made by other processes (through Payload's key-value
   * store, one small read each time) and purges its memory cache when there were any, in ms. This,
   * not `memoryTtlMs`, bounds how long another process's change stays unseen. 0 turns it off.
   * @default NEWSROOM_CACHE_SIGNAL_MS or 250
   */
  changeSignalMs?: number
  /** Upper bound of the memory cache, in bytes. @default 64 MB */
  memoryMaxBytes?: number
  /** At most this many keys in `Surrogate-Key`; beyond it only collection keys are sent. @default 200 */
  maxKeys?: number
  /** When false, responses pass through untouched (the hooks stay). @default true */
  enabled?: boolean
}

export type SanitizedHttpCacheConfig = Required<HttpCacheOptions>

/** What a change tells the outside world to purge: the document, what it links to, its list. */
export type PurgeNotice = { collection: string; id: number | string; keys: string[] }
