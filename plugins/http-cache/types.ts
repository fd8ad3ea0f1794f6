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
   * How long this process serves an anonymous response from memory, in ms. Changes made in this
   * process purge it at once; the lifetime bounds how stale a change made by another process (a
   * separate worker, a second server) can be. 0 turns the memory cache off. @default
   * NEWSROOM_CACHE_MEMORY_MS or 2000
   */
  memoryTtlMs?: number
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
