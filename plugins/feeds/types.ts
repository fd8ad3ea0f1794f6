import type { PayloadRequest } from 'payload'

export type FeedsOptions = {
  /** Collection slugs. @default articles, sections, regions, reporters */
  collections?: { articles?: string; regions?: string; reporters?: string; sections?: string }
  /** Public site URL used in links. @default NEWSROOM_SITE_URL, else the config's serverURL, else NEWSROOM_PUBLIC_URL, else http://localhost:3000 */
  siteUrl?: string
  /** Path of an article on the public site. @default `/news/${slug}` */
  articlePath?: (article: { id: number | string; slug?: null | string }) => string
  /** Path of a reporter page on the public site. @default `/reporters/${slug}` */
  reporterPath?: (reporter: { slug?: null | string }) => string
  /** Feed and Google News publication name. @default '뉴스룸' */
  title?: string
  /** Items per feed. @default 50 */
  limit?: number
  /** URLs per article sitemap file. @default 10000 */
  sitemapPageSize?: number
  /** When false the endpoints answer 404. @default true */
  enabled?: boolean
}

export type SanitizedFeedsConfig = {
  articlePath: (article: { id: number | string; slug?: null | string }) => string
  collections: { articles: string; regions: string; reporters: string; sections: string }
  enabled: boolean
  limit: number
  reporterPath: (reporter: { slug?: null | string }) => string
  siteUrl: (req: PayloadRequest) => string
  sitemapPageSize: number
  title: string
}
