/** Where readers find things on the public site; plugins that link there share these defaults. */
export const defaultArticlePath = (article: {
  id: number | string
  slug?: null | string
}): string => `/news/${encodeURIComponent(article.slug ?? String(article.id))}`

export const defaultReporterPath = (reporter: { slug?: null | string }): string =>
  `/reporters/${encodeURIComponent(reporter.slug ?? '')}`

/** The public site's URL without a trailing slash: the option, NEWSROOM_SITE_URL, or a fallback. */
export const resolveSiteUrl = (
  explicit: string | undefined,
  fallback = 'http://localhost:3000',
): string => (explicit || process.env.NEWSROOM_SITE_URL || fallback).replace(/\/+$/, '')

/**
 * The origin of the API's own absolute URLs (a feed's self link, the sitemap index): the config's
 * serverURL, NEWSROOM_PUBLIC_URL, or a fallback — never the request's Host or X-Forwarded-*
 * headers, which anyone can set and a shared cache would then hand to every reader.
 */
export const resolveApiOrigin = (
  serverURL: string | undefined,
  fallback = 'http://localhost:3000',
): string => (serverURL || process.env.NEWSROOM_PUBLIC_URL || fallback).replace(/\/+$/, '')
