import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { formatKstIso, formatKstList, formatKstRegister } from '../register-timestamps/formatKst'
import { loadByIds } from './loadByIds'
import { idOf } from './relationIds'
import { defaultArticlePath, resolveApiOrigin, resolveSiteUrl } from './siteLinks'

type Doc = Record<string, unknown>
type ID = number | string

/** One generated size of an image, as public output carries it. */
export type PublicImageSize = { height: null | number; url: string; width: null | number }

/** An image as public output carries it (DESIGN.md, "Images"): absolute URLs, sizes, a srcset. */
export type PublicImage = {
  alt: null | string
  caption: null | string
  credit: null | string
  height: null | number
  id: ID
  sizes: Record<string, PublicImageSize>
  srcset: null | string
  url: null | string
  width: null | number
}

/**
 * How an article appears wherever it is listed (DESIGN.md, "Headline shape"): lists, `related`,
 * `adjacent`, reporter pages, search results, webhook `summary`. The names are the Article's own,
 * in REST and GraphQL alike.
 */
export type Headline = {
  byline: null | string
  heroImage: null | PublicImage
  id: ID
  regionLabel: null | string
  registeredAt: null | string
  registeredAtListText: null | string
  registeredAtText: null | string
  section: { name: null | string; slug: null | string } | null
  slug: null | string
  subtitle: null | string
  title: string
  url: string
}

/** The stored article fields a headline is made from. */
export const HEADLINE_SOURCES = [
  'title',
  'subtitle',
  'slug',
  'regionLabel',
  'section',
  'heroImage',
  'registeredAt',
  'byline',
] as const

// Worked out once per collection, with and without `_status`.
const headlineSelects = new WeakMap<
  SanitizedCollectionConfig,
  { plain: Record<string, true>; withStatus: Record<string, true> }
>()

/**
 * The `select` that reads what a headline is made from, among the fields `collection` has; with
 * `withStatus`, also `_status` (whether readers may see the article) when the collection has drafts.
 */
export const headlineSelect = (
  collection: SanitizedCollectionConfig,
  { withStatus = false }: { withStatus?: boolean } = {},
): Record<string, true> => {
  let selects = headlineSelects.get(collection)
  if (!selects) {
    const names = new Set(collection.flattenedFields.map((field) => field.name))
    const selectOf = (wanted: readonly string[]) =>
      Object.fromEntries(
        wanted.filter((name) => names.has(name)).map((name) => [name, true as const]),
      )
    selects = {
      plain: selectOf(HEADLINE_SOURCES),
      withStatus: selectOf([...HEADLINE_SOURCES, '_status']),
    }
    headlineSelects.set(collection, selects)
  }
  return withStatus ? selects.withStatus : selects.plain
}

/** The origin public image URLs start with: serverURL, NEWSROOM_PUBLIC_URL, else the site's URL. */
export const publicOrigin = (req: PayloadRequest): string =>
  resolveApiOrigin(req.payload.config.serverURL || undefined, resolveSiteUrl(undefined))

/** An upload URL made absolute against the public origin; absolute ones are kept. */
export const absoluteUrl = (origin: string, url: unknown): null | string => {
  if (typeof url !== 'string' || url === '') return null
  return /^https?:\/\//i.test(url) ? url : `${origin}${url.startsWith('/') ? '' : '/'}${url}`
}

const numberOrNull = (value: unknown): null | number => (typeof value === 'number' ? value : null)
const textOrNull = (value: unknown): null | string =>
  typeof value === 'string' && value !== '' ? value : null

/**
 * `url 640w, url 1600w, …`: the original and the generated sizes of the same shape, narrowest
 * first; cropped sizes (thumbnail, og) cannot stand in for the original and are left out. Null
 * without a URL and width.
 */
export const srcsetOf = (
  image: { height: null | number; url: null | string; width: null | number },
  sizes: Record<string, PublicImageSize>,
): null | string => {
  if (!image.url || !image.width) return null
  const ratio = image.height ? image.width / image.height : null
  const candidates = new Map<number, string>([[image.width, image.url]])
  for (const size of Object.values(sizes)) {
    if (!size.url || !size.width || !size.height || ratio === null) continue
    if (Math.abs(size.width / size.height - ratio) >= 0.01 * ratio) continue
    if (!candidates.has(size.width)) candidates.set(size.width, size.url)
  }
  return [...candidates]
    .sort(([a], [b]) => a - b)
    .map(([width, url]) => `${url} ${width}w`)
    .join(', ')
}

/** The generated sizes of a media document that have a file, with absolute URLs. */
export const publicSizes = (origin: string, media: Doc): Record<string, PublicImageSize> => {
  const sizes = (media.sizes ?? {}) as Record<string, Doc | null | undefined>
  return Object.fromEntries(
    Object.entries(sizes).flatMap(([name, size]) => {
      const url = absoluteUrl(origin, size?.url)
      return url
        ? [[name, { url, width: numberOrNull(size?.width), height: numberOrNull(size?.height) }]]
        : []
    }),
  )
}

/** A media document (as Payload reads it, `url` and `sizes` computed) as public output carries it. */
export const publicImage = (origin: string, media: Doc): PublicImage => {
  const url = absoluteUrl(origin, media.url)
  const width = numberOrNull(media.width)
  const height = numberOrNull(media.height)
  const sizes = publicSizes(origin, media)
  return {
    id: media.id as ID,
    url,
    width,
    height,
    alt: textOrNull(media.alt),
    caption: textOrNull(media.caption),
    credit: textOrNull(media.credit),
    srcset: srcsetOf({ url, width, height }, sizes),
    sizes,
  }
}

/** An article's absolute public URL (the site's, NEWSROOM_SITE_URL) with the default path. */
export const defaultArticleUrl = (doc: { id: ID; slug?: unknown }): string =>
  `${resolveSiteUrl(undefined)}${defaultArticlePath({ id: doc.id, slug: (doc.slug as null | string) ?? null })}`

const MEDIA_SELECT = {
  alt: true,
  caption: true,
  credit: true,
  filename: true,
  height: true,
  mimeType: true,
  sizes: true,
  url: true,
  width: true,
} as const

const isSection = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && 'name' in value
const isMedia = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && 'url' in value

export type HeadlineOptions = {
  /** The article's public URL. @default NEWSROOM_SITE_URL + `/news/<slug>` */
  articleUrl?: (doc: { id: ID; slug?: null | string }) => string
  media?: string
  sections?: string
}

/**
 * The headline shape of each article in `docs` (stored fields, links as ids or as populated
 * documents). Sections and hero images not populated yet are read in one batched query each,
 * shared by every call made while one request's documents are being read.
 */
export const buildHeadlines = async (
  req: PayloadRequest,
  docs: Doc[],
  options: HeadlineOptions = {},
): Promise<Headline[]> => {
  const sectionsSlug = options.sections ?? 'sections'
  const mediaSlug = options.media ?? 'media'
  const missing = (field: string, isLoaded: (value: unknown) => boolean) => [
    ...new Set(
      docs.flatMap((doc) => {
        const id = isLoaded(doc[field]) ? null : idOf(doc[field])
        return id === null ? [] : [id]
      }),
    ),
  ]
  const [sections, media] = await Promise.all([
    req.payload.collections[sectionsSlug as never]
      ? loadByIds(
          req,
          sectionsSlug,
          missing('section', isSection),
          { name: true, slug: true },
          { shouldSkipReadHooks: true },
        )
      : Promise.resolve(new Map<string, Doc>()),
    // An upload's `url` and sizes are computed on read: through Payload's read.
    req.payload.collections[mediaSlug as never]
      ? loadByIds(req, mediaSlug, missing('heroImage', isMedia), MEDIA_SELECT)
      : Promise.resolve(new Map<string, Doc>()),
  ])
  const origin = publicOrigin(req)
  const articleUrl = options.articleUrl ?? defaultArticleUrl
  return docs.map((doc): Headline => {
    const section = isSection(doc.section) ? doc.section : sections.get(String(idOf(doc.section)))
    const image = isMedia(doc.heroImage) ? doc.heroImage : media.get(String(idOf(doc.heroImage)))
    const registeredAt = doc.registeredAt as Date | null | string | undefined
    return {
      id: doc.id as ID,
      title: String(doc.title ?? ''),
      subtitle: textOrNull(doc.subtitle),
      slug: textOrNull(doc.slug),
      url: articleUrl({ id: doc.id as ID, slug: textOrNull(doc.slug) }),
      regionLabel: textOrNull(doc.regionLabel),
      section: section ? { name: textOrNull(section.name), slug: textOrNull(section.slug) } : null,
      heroImage: image ? publicImage(origin, image) : null,
      registeredAt: formatKstIso(registeredAt),
      registeredAtText: formatKstRegister(registeredAt),
      registeredAtListText: formatKstList(registeredAt),
      byline: textOrNull(doc.byline),
    }
  })
}

/** The headline keys, in the order the shape lists them (for tests and docs). */
export const HEADLINE_KEYS = [
  'id',
  'title',
  'subtitle',
  'slug',
  'url',
  'regionLabel',
  'section',
  'heroImage',
  'registeredAt',
  'registeredAtText',
  'registeredAtListText',
  'byline',
] as const
