import type { CollectionConfig, CollectionSlug, Config, Payload, Plugin } from 'payload'

const everyone = () => true

/** Plain authors, unrelated to the newsroom's reporters. */
export const authors: CollectionConfig = {
  slug: 'authors',
  access: { read: everyone },
  fields: [
    { name: 'name', type: 'text', required: true },
    { name: 'email', type: 'email' },
  ],
}

/** Plain posts with drafts and an ordered `authors` byline. */
export const posts: CollectionConfig = {
  slug: 'posts',
  access: { read: everyone },
  versions: { drafts: true },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'summary', type: 'textarea' },
    // A slug the generated newsroom types do not know.
    {
      name: 'authors',
      type: 'relationship',
      relationTo: 'authors' as CollectionSlug,
      hasMany: true,
    },
  ],
}

/** Plain notes without drafts: every save is live. */
export const notes: CollectionConfig = {
  slug: 'notes',
  access: { read: everyone },
  fields: [
    { name: 'title', type: 'text', required: true },
    { name: 'summary', type: 'textarea' },
  ],
}

/**
 * `bootPayload`'s `configure`: the newsroom app plus plain `posts`, `notes` and `authors`, and the
 * given plugins applied after the newsroom plugin (so they see the plain collections too).
 */
export const withPlainCollections =
  (...plugins: Plugin[]) =>
  (config: Config): Config => ({
    ...config,
    collections: [...(config.collections ?? []), authors, posts, notes],
    plugins: [...(config.plugins ?? []), ...plugins],
  })

export type PlainSlug = 'authors' | 'notes' | 'posts'
export type PlainDoc = Record<string, any> & { id: number | string }

type Options = { draft?: boolean }

/**
 * The Local API on the plain collections, which the generated newsroom types do not know.
 * Calls run as server code (no user, access overridden), as an import script would.
 */
export const plainApi = (payload: Payload) => {
  const local = payload as unknown as {
    create: (args: Record<string, unknown>) => Promise<PlainDoc>
    findByID: (args: Record<string, unknown>) => Promise<PlainDoc>
    update: (args: Record<string, unknown>) => Promise<PlainDoc>
  }
  return {
    create: (collection: PlainSlug, data: Record<string, unknown>, options: Options = {}) =>
      local.create({ collection, data, depth: 0, ...options }),
    update: (
      collection: PlainSlug,
      id: number | string,
      data: Record<string, unknown>,
      options: Options = {},
    ) => local.update({ collection, id, data, depth: 0, ...options }),
    findByID: (collection: PlainSlug, id: number | string, options: Options = {}) =>
      local.findByID({ collection, id, depth: 0, ...options }),
  }
}
