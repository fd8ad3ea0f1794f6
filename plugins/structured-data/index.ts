import type { CollectionConfig, CollectionSlug, Config, Field, FieldHook, Plugin } from 'payload'

import { formatKstIso } from '../register-timestamps/formatKst'
import { loadByIds } from '../shared/loadByIds'
import { idOf, idsOf } from '../shared/relationIds'
import { defaultArticlePath, defaultReporterPath, resolveSiteUrl } from '../shared/siteLinks'

export type StructuredDataOptions = {
  /** Collections that get `jsonLd` and `shareLinks`. @default ['articles'] */
  collections?: string[]
  reporters?: string
  media?: string
  /** Publisher name in NewsArticle. @default '뉴스룸' */
  publisherName?: string
  /** Public site URL. @default NEWSROOM_SITE_URL, else http://localhost:3000 */
  siteUrl?: string
  articlePath?: (article: { id: number | string; slug?: null | string }) => string
  reporterPath?: (reporter: { slug?: null | string }) => string
}

type Sanitized = Required<Omit<StructuredDataOptions, 'siteUrl'>> & { siteUrl: () => string }

const articleUrl = (config: Sanitized, doc: Record<string, unknown>) =>
  `${config.siteUrl()}${config.articlePath({ id: doc.id as number | string, slug: doc.slug as null | string })}`

/** Absolute URL of the hero image's `og` size (1200×630), falling back to the original. */
const heroImageUrl = async (config: Sanitized, doc: Record<string, unknown>, req: Parameters<FieldHook>[0]['req']): Promise<null | string> => {
  const id = idOf(doc.heroImage)
  if (id === null || !req.payload.collections[config.media as CollectionSlug]) return null
  const media = (await loadByIds(req, config.media, [id], { filename: true, sizes: true, url: true })).get(String(id)) as
    | undefined
    | { sizes?: { og?: { url?: null | string } }; url?: null | string }
  const url = media?.sizes?.og?.url ?? media?.url
  if (!url) return null
  return url.startsWith('http') ? url : `${req.payload.config.serverURL || config.siteUrl()}${url}`
}

const readJsonLd =
  (config: Sanitized): FieldHook =>
  async ({ currentDepth, req, siblingData }) => {
    if (!siblingData?.id || (currentDepth ?? 1) > 1) return null
    const reporterIds = idsOf(siblingData.reporters)
    // Batched with the other documents of a list: one query for all their reporters, one for all images.
    const [reportersById, image] = await Promise.all([
      loadByIds(req, config.reporters, reporterIds, { name: true, slug: true }, { shouldSkipReadHooks: true }) as Promise<Map<string, { id: number | string; name: string; slug?: string }>>,
      heroImageUrl(config, siblingData, req),
    ])
    const published = formatKstIso(siblingData.registeredAt as null | string)
    return {
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: siblingData.title,
      ...(siblingData.subtitle ? { description: siblingData.subtitle } : {}),
      ...(image ? { image: [image] } : {}),
      ...(published ? { datePublished: published, dateModified: formatKstIso((siblingData.revisedAt ?? siblingData.registeredAt) as string) } : {}),
      author: reporterIds.flatMap((id) => {
        const reporter = reportersById.get(String(id))
        return reporter ? [{ '@type': 'Person', name: reporter.name, url: `${config.siteUrl()}${config.reporterPath(reporter)}` }] : []
      }),
      publisher: { '@type': 'Organization', name: config.publisherName, url: config.siteUrl() },
      mainEntityOfPage: articleUrl(config, siblingData),
      inLanguage: 'ko',
    }
  }

const readShareLinks =
  (config: Sanitized): FieldHook =>
  ({ siblingData }) => {
    if (!siblingData?.id) return null
    const url = articleUrl(config, siblingData)
    const title = String(siblingData.title ?? '')
    const text = siblingData.regionLabel ? `[${siblingData.regionLabel}] ${title}` : title
    const encoded = encodeURIComponent(url)
    return {
      x: `https://twitter.com/intent/tweet?url=${encoded}&text=${encodeURIComponent(text)}`,
      facebook: `https://www.facebook.com/sharer/sharer.php?u=${encoded}`,
      naverBand: `https://band.us/plugin/share?body=${encodeURIComponent(`${text}\n${url}`)}&route=${encoded}`,
      naver: `https://share.naver.com/web/shareView?url=${encoded}&title=${encodeURIComponent(text)}`,
      // For Kakao's JavaScript SDK: Kakao.Share.sendDefault({ objectType: 'feed', content: kakao })
      kakao: { title: text, description: siblingData.subtitle ?? '', link: { mobileWebUrl: url, webUrl: url } },
    }
  }

/** schema.org `NewsArticle` (`jsonLd`) and share links (`shareLinks`) for each article, in +09:00. */
export const structuredData =
  (options: StructuredDataOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config: Sanitized = {
      collections: options.collections ?? ['articles'],
      reporters: options.reporters ?? 'reporters',
      media: options.media ?? 'media',
      publisherName: options.publisherName ?? '뉴스룸',
      siteUrl: () => resolveSiteUrl(options.siteUrl),
      articlePath: options.articlePath ?? defaultArticlePath,
      reporterPath: options.reporterPath ?? defaultReporterPath,
    }
    const fields: Field[] = [
      { name: 'jsonLd', type: 'json', virtual: true, admin: { hidden: true }, hooks: { afterRead: [readJsonLd(config)] } },
      { name: 'shareLinks', type: 'json', virtual: true, admin: { hidden: true }, hooks: { afterRead: [readShareLinks(config)] } },
    ]
    const collections = (incomingConfig.collections ?? []).map(
      (collection): CollectionConfig => (config.collections.includes(collection.slug) ? { ...collection, fields: [...collection.fields, ...fields] } : collection),
    )
    return { ...incomingConfig, collections }
  }
