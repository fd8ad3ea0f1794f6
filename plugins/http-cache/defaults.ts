import type { HttpCacheOptions, SanitizedHttpCacheConfig } from './types'

const seconds = (value: string | undefined, fallback: number): number => {
  const parsed = Number(value)
  return value !== undefined && value !== '' && Number.isFinite(parsed) && parsed >= 0
    ? parsed
    : fallback
}

export const sanitizeHttpCacheOptions = (
  options: HttpCacheOptions = {},
): SanitizedHttpCacheConfig => ({
  collections: options.collections ?? ['articles', 'sections', 'regions', 'reporters', 'media'],
  globals: options.globals ?? [],
  sMaxAge: options.sMaxAge ?? seconds(process.env.NEWSROOM_CACHE_S_MAXAGE, 10),
  staleWhileRevalidate: options.staleWhileRevalidate ?? seconds(process.env.NEWSROOM_CACHE_SWR, 60),
  staleIfError: options.staleIfError ?? seconds(process.env.NEWSROOM_CACHE_SIE, 300),
  maxKeys: options.maxKeys ?? 200,
  enabled: options.enabled ?? true,
})
