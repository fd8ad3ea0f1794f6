export type HttpCacheOptions = {
  /**
   * Collections whose documents name a response's surrogate keys (`Surrogate-Key`, `Cache-Tag`).
   * @default ['articles', 'sections', 'regions', 'reporters', 'media']
   */
  collections?: string[]
  /**
   * Globals whose anonymous reads (`GET /api/globals/<slug>`) are shared content too (the weather
   * line, the masthead), each naming the key `<slug>:global`. @default []
   */
  globals?: string[]
  /** `s-maxage` for anonymous responses, in seconds: how long nginx or a CDN keeps them. @default NEWSROOM_CACHE_S_MAXAGE or 10 */
  sMaxAge?: number
  /** `stale-while-revalidate`, in seconds. @default NEWSROOM_CACHE_SWR or 60 */
  staleWhileRevalidate?: number
  /**
   * `stale-if-error`, in seconds: how long a shared cache may keep serving its copy while this
   * server answers errors (RFC 5861). 0 leaves it out. A purge still removes the copy.
   * @default NEWSROOM_CACHE_SIE or 300
   */
  staleIfError?: number
  /** At most this many keys in `Surrogate-Key`; beyond it only collection keys are sent. @default 200 */
  maxKeys?: number
  /** When false, responses pass through untouched (the hooks stay). @default true */
  enabled?: boolean
}

export type SanitizedHttpCacheConfig = Required<HttpCacheOptions>
