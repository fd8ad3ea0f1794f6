import type {
  CollectionAfterReadHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  Field,
  FieldHook,
  PayloadRequest,
  Plugin,
} from 'payload'

import { formatKstIso } from '../register-timestamps/formatKst'
import { absoluteUrl, publicOrigin } from '../shared/headline'
import { loadByIds } from '../shared/loadByIds'
import { selectVirtualSources } from '../shared/selectVirtualSources'
import { markGraphQLPopulationNested } from '../shared/nestedGraphQLReads'
import { deferUntilPopulated, isDeferred } from '../shared/populatedLater'
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

type Doc = Record<string, unknown>
type Reporter = { id: number | string; name: string; slug?: string }
type Media = { sizes?: { og?: { url?: null | string } }; url?: null | string }

/** Image URLs from the API's public origin (NEWSROOM_PUBLIC_URL), as everywhere (DESIGN.md, "Images"). */
const absolute = (req: PayloadRequest, url: null | string | undefined): null | string =>
  absoluteUrl(publicOrigin(req), url)

const isReporter = (value: unknown): value is Reporter =>
  typeof value === 'object' && value !== null && 'name' in value
const isMedia = (value: unknown): value is Media =>
  typeof value === 'object' && value !== null && ('url' in value || 'sizes' in value)

/**
 * schema.org NewsArticle for `doc`. Reporters and the hero image already populated by the read are
 * used as they are; the rest are read in batched queries shared by all documents of a list.
 */
const buildJsonLd = async (config: Sanitized, req: PayloadRequest, doc: Doc) => {
  const reporterValues = Array.isArray(doc.reporters) ? (doc.reporters as unknown[]) : []
  const missingReporters = idsOf(reporterValues.filter((value) => !isReporter(value)))
  const imageId = idOf(doc.heroImage)
  const hasMediaCollection = Boolean(req.payload.collections[config.media as CollectionSlug])
  const [readReporters, readMedia] = await Promise.all([
    loadByIds(
      req,
      config.reporters,
      missingReporters,
      { name: true, slug: true },
      { shouldSkipReadHooks: true },
    ),
    // An upload's `url` is computed on read, so images go through Payload's read.
    imageId !== null && !isMedia(doc.heroImage) && hasMediaCollection
      ? loadByIds(req, config.media, [imageId], { filename: true, sizes: true, url: true })
      : Promise.resolve(new Map<string, Doc>()),
  ])
  const media = (isMedia(doc.heroImage) ? doc.heroImage : readMedia.get(String(imageId))) as
    Media | undefined
  const image = absolute(req, media?.sizes?.og?.url ?? media?.url)
  const published = formatKstIso(doc.registeredAt as null | string)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: doc.title,
    ...(doc.subtitle ? { description: doc.subtitle } : {}),
    ...(image ? { image: [image] } : {}),
    ...(published
      ? {
          datePublished: published,
          dateModified: formatKstIso((doc.revisedAt ?? doc.registeredAt) as string),
        }
      : {}),
    author: reporterValues.flatMap((value) => {
      const reporter = isReporter(value)
        ? value
        : (readReporters.get(String(idOf(value))) as Reporter | undefined)
      return reporter
        ? [
            {
              '@type': 'Person',
              name: reporter.name,
              url: `${config.siteUrl()}${config.reporterPath(reporter)}`,
            },
          ]
        : []
    }),
    publisher: { '@type': 'Organization', name: config.publisherName, url: config.siteUrl() },
    mainEntityOfPage: articleUrl(config, doc),
    inLanguage: 'ko',
    // Published corrections (plugins/corrections), as schema.org asks for them.
    ...(Array.isArray(doc.corrections) && doc.corrections.length
      ? {
          correction: (doc.corrections as { publishedAt?: string; text?: string }[]).map(
            (entry) => ({
              '@type': 'CorrectionComment',
              text: entry.text,
              ...(entry.publishedAt ? { datePublished: formatKstIso(entry.publishedAt) } : {}),
            }),
          ),
        }
      : {}),
  }
}

/** Only for the documents being read; waits for the collection hook when the read populates reporters anyway. */
const readJsonLd =
  (config: Sanitized): FieldHook =>
  async ({ currentDepth, depth, req, siblingData }) => {
    if (!siblingData?.id || (currentDepth ?? 1) > 1) return null
    if (deferUntilPopulated(req, 'jsonLd', siblingData, depth, currentDepth)) return null
    // GraphQL calls a function value only when the query selects the field: no work otherwise.
    if (req.payloadAPI === 'GraphQL') return () => buildJsonLd(config, req, siblingData)
    return buildJsonLd(config, req, siblingData)
  }

const fillJsonLdFromPopulated =
  (config: Sanitized): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    if (doc && isDeferred(req, 'jsonLd', doc)) doc.jsonLd = await buildJsonLd(config, req, doc)
    return doc
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
      kakao: {
        title: text,
        description: siblingData.subtitle ?? '',
        link: { mobileWebUrl: url, webUrl: url },
      },
    }
  }

// What buildJsonLd and readShareLinks read.
const COMPUTED_FIELD_SOURCES = {
  jsonLd: ['title', 'subtitle', 'slug', 'reporters', 'heroImage', 'registeredAt', 'revisedAt'],
  shareLinks: ['title', 'subtitle', 'slug', 'regionLabel'],
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
      {
        name: 'jsonLd',
        type: 'json',
        virtual: true,
        label: { en: 'JSON-LD', ko: '구조화 데이터 (JSON-LD)' },
        admin: { hidden: true },
        hooks: { afterRead: [readJsonLd(config)] },
      },
      {
        name: 'shareLinks',
        type: 'json',
        virtual: true,
        label: { en: 'Share links', ko: '공유 링크' },
        admin: { hidden: true },
        hooks: { afterRead: [readShareLinks(config)] },
      },
    ]
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig =>
      config.collections.includes(collection.slug)
        ? {
            ...collection,
            fields: [...collection.fields, ...fields],
            hooks: {
              ...collection.hooks,
              beforeOperation: [
                ...(collection.hooks?.beforeOperation ?? []),
                markGraphQLPopulationNested,
                selectVirtualSources(
                  collection.fields.some((field) => 'name' in field && field.name === 'corrections')
                    ? {
                        ...COMPUTED_FIELD_SOURCES,
                        jsonLd: [...COMPUTED_FIELD_SOURCES.jsonLd, 'corrections'],
                      }
                    : COMPUTED_FIELD_SOURCES,
                ),
              ],
              afterRead: [...(collection.hooks?.afterRead ?? []), fillJsonLdFromPopulated(config)],
            },
          }
        : collection,
    )
    return { ...incomingConfig, collections }
  }
