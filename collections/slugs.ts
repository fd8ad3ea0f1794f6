import type { CollectionSlug, FieldHook, TextField } from 'payload'

const MAX_SLUG_LENGTH = 120

/**
 * URL-safe slug that keeps Hangul: Korean headlines would otherwise collapse to nothing.
 * Punctuation and whitespace become single hyphens; Latin letters are lower-cased.
 */
export const slugify = (text: string): string =>
  text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{Script=Hangul}\p{Letter}\p{Number}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/g, '')

const findFreeSlug: (args: {
  base: string
  collection: CollectionSlug
  id?: number | string
  req: Parameters<FieldHook>[0]['req']
}) => Promise<string> = async ({ base, collection, id, req }) => {
  const taken = await req.payload.find({
    collection,
    depth: 0,
    limit: 1000,
    pagination: false,
    req,
    select: { slug: true },
    where: {
      and: [
        { or: [{ slug: { equals: base } }, { slug: { like: `${base}-` } }] },
        ...(id !== undefined ? [{ id: { not_equals: id } }] : []),
      ],
    },
  })
  const takenSlugs = new Set(taken.docs.map((doc) => (doc as { slug?: string }).slug))
  if (!takenSlugs.has(base)) return base
  for (let suffix = 2; ; suffix++) {
    const candidate = `${base}-${suffix}`
    if (!takenSlugs.has(candidate)) return candidate
  }
}

/**
 * A unique slug, generated from `sourceField` when left empty. A slug an editor typed is
 * normalised but kept: changing a published URL is their decision, not the CMS's.
 */
export const slugField = (sourceField: string): TextField => {
  const fillSlug: FieldHook = async ({ collection, data, originalDoc, req, value }) => {
    const typed = typeof value === 'string' ? slugify(value) : ''
    if (typed) return typed
    const existing = (originalDoc as { slug?: string } | undefined)?.slug
    if (existing) return existing
    const source = (data?.[sourceField] ??
      (originalDoc as Record<string, unknown>)?.[sourceField]) as unknown
    const base = typeof source === 'string' ? slugify(source) : ''
    if (!base || !collection) return value
    return findFreeSlug({
      base,
      collection: collection.slug as CollectionSlug,
      id: (originalDoc as { id?: number | string } | undefined)?.id,
      req,
    })
  }
  return {
    name: 'slug',
    type: 'text',
    index: true,
    unique: true,
    label: { en: 'Slug', ko: '슬러그' },
    admin: {
      position: 'sidebar',
      description: {
        en: 'Generated from the title when left empty. Hangul is kept.',
        ko: '비워 두면 제목으로 만듭니다. 한글도 쓸 수 있습니다.',
      },
    },
    hooks: { beforeValidate: [fillSlug] },
  }
}
