/** Where readers find things on the public site; plugins that link there share these defaults. */
export const defaultArticlePath = (article: { id: number | string; slug?: null | string }): string =>
  `/news/${encodeURIComponent(article.slug ?? String(article.id))}`

export const defaultReporterPath = (reporter: { slug?: null | string }): string => `/reporters/${encodeURIComponent(reporter.slug ?? '')}`

/** The public site's URL without a trailing slash: the option, NEWSROOM_SITE_URL, or a fallback. */
export const resolveSiteUrl = (explicit: string | undefined, fallback = 'http://localhost:3000'): string =>
  (explicit || process.env.NEWSROOM_SITE_URL || fallback).replace(/\/+$/, '')
