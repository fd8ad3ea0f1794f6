import type { HttpCacheOptions, SanitizedHttpCacheConfig } from './types'

const seconds = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed >= 0 ? parsed : fallback
}

export const sanitizeHttpCacheOptions = (options: HttpCacheOptions = {}): SanitizedHttpCacheConfig => {
  const memoryTtlMs = options.memoryTtlMs ?? seconds(process.env.NEWSROOM_CACHE_MEMORY_MS, 2000)
  const changeSignalMs = options.changeSignalMs ?? seconds(process.env.NEWSROOM_CACHE_SIGNAL_MS, 250)
  // Every change made through Payload purges the populated documents (saves through their hooks,
  // derived writes of jobs and endpoints through `announceChange`): in this process and its
  // sibling workers before the save returns, in other processes within `changeSignalMs`. Their
  // lifetime then bounds only writes made around Payload, and a minute keeps the headline lines of
  // a newsroom's recent articles between the reads that show them: a fresh article page without
  // its second query (`npm run bench:http`, scenario a: 4.8 → 3.8 ms of server CPU per read).
  // Without the signal, other processes' changes are seen only as copies expire: no longer than
  // the response copies.
  const populatedFallbackMs = changeSignalMs > 0 ? 60_000 : memoryTtlMs
  return {
    collections: options.collections ?? ['articles', 'sections', 'regions', 'reporters', 'media'],
    sMaxAge: options.sMaxAge ?? seconds(process.env.NEWSROOM_CACHE_S_MAXAGE, 10),
    staleWhileRevalidate: options.staleWhileRevalidate ?? seconds(process.env.NEWSROOM_CACHE_SWR, 60),
    staleIfError: options.staleIfError ?? seconds(process.env.NEWSROOM_CACHE_SIE, 300),
    memoryTtlMs,
    populatedTtlMs: options.populatedTtlMs ?? seconds(process.env.NEWSROOM_CACHE_POPULATED_MS, populatedFallbackMs),
    changeSignalMs,
    memoryMaxBytes: options.memoryMaxBytes ?? 64 * 1024 * 1024,
    maxKeys: options.maxKeys ?? 200,
    enabled: options.enabled ?? true,
  }
}
