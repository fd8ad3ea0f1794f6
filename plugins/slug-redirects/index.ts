import type {
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  Endpoint,
  Plugin,
} from 'payload'

import { APIError } from 'payload'

export type SlugRedirectsOptions = {
  /** Collections with a `slug` whose published URLs must keep working. @default ['articles'] */
  collections?: string[]
  /** When false the field stays (stable schema) and nothing is recorded. @default true */
  enabled?: boolean
}

export const PREVIOUS_SLUGS_FIELD = 'previousSlugs'

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []

/**
 * A slug readers have seen (the story was published under it) is kept when an editor changes it,
 * so that the old URL still leads to the story.
 */
const keepPublishedSlugs: CollectionBeforeChangeHook = ({ data, originalDoc }) => {
  const before = originalDoc?.slug
  const after = data.slug ?? before
  const wasPublished = Boolean(originalDoc?.registeredAt) || originalDoc?._status === 'published'
  const previous = strings(originalDoc?.[PREVIOUS_SLUGS_FIELD])
  const next = new Set(previous)
  if (typeof before === 'string' && before && before !== after && wasPublished) next.add(before)
  // Back to an old slug: it is the current one again, no longer a redirect.
  if (typeof after === 'string') next.delete(after)
  data[PREVIOUS_SLUGS_FIELD] = [...next]
  return data
}

/**
 * `GET /api/<collection>/by-slug/:slug`: the document by its slug, as REST reads it (access,
 * `depth`, `draft` and `select` as usual); under a slug it had before, `301` to its current one
 * with `{ redirectTo, id }`, so frontends can answer the reader with a redirect.
 */
const bySlugEndpoint = (collection: string): Endpoint => ({
  path: '/by-slug/:slug',
  method: 'get',
  handler: async (req) => {
    let slug = String(req.routeParams?.slug ?? '')
    try {
      slug = decodeURIComponent(slug)
    } catch {
      throw new APIError('잘못된 주소입니다 (malformed slug)', 400, { code: 'VALIDATION' }, true)
    }
    const query = (req.query ?? {}) as Record<string, unknown>
    const depth = Math.min(Math.max(Number(query.depth ?? 1) || 0, 0), 2)
    const read = (where: Record<string, unknown>) =>
      req.payload.find({
        collection: collection as CollectionSlug,
        where: where as never,
        depth,
        limit: 1,
        pagination: false,
        draft: query.draft === 'true',
        overrideAccess: false,
        user: req.user,
        req,
      })
    const current = await read({ slug: { equals: slug } })
    if (current.docs[0]) return Response.json(current.docs[0])
    const moved = await read({ [PREVIOUS_SLUGS_FIELD]: { in: [slug] } })
    const target = moved.docs[0] as { id: number | string; slug?: string } | undefined
    if (!target?.slug)
      throw new APIError('찾을 수 없습니다 (not found)', 404, { code: 'NOT_FOUND' }, true)
    const search = new URL(req.url ?? 'http://x/', 'http://x').search
    return Response.json(
      { redirectTo: target.slug, id: target.id },
      {
        status: 301,
        headers: {
          Location: `/api/${collection}/by-slug/${encodeURIComponent(target.slug)}${search}`,
        },
      },
    )
  },
})

/** Old URLs keep working after a published story's slug changes. */
export const slugRedirects =
  (incoming: SlugRedirectsOptions = {}): Plugin =>
  (config: Config): Config => {
    const options: Required<SlugRedirectsOptions> = {
      collections: incoming.collections ?? ['articles'],
      enabled: incoming.enabled ?? true,
    }
    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      if (!options.collections.includes(collection.slug)) return collection
      const fields = [
        ...collection.fields,
        {
          name: PREVIOUS_SLUGS_FIELD,
          type: 'text' as const,
          hasMany: true,
          index: true,
          label: { en: 'Earlier slugs (redirected)', ko: '이전 슬러그 (자동 연결)' },
          // Computed by keepPublishedSlugs from the stored document, whatever a client sends.
          admin: { position: 'sidebar' as const, readOnly: true },
        },
      ]
      if (!options.enabled) return { ...collection, fields }
      return {
        ...collection,
        fields,
        endpoints: [...(collection.endpoints || []), bySlugEndpoint(collection.slug)],
        hooks: {
          ...collection.hooks,
          beforeChange: [...(collection.hooks?.beforeChange ?? []), keepPublishedSlugs],
        },
      }
    })
    return { ...config, collections }
  }
