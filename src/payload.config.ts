import type { CollectionConfig, Config, Field, Plugin } from 'payload'

import { buildConfig } from 'payload'

import { ADJACENT_LINKS_FIELD } from '../plugins/adjacent-articles'
import { newsroomAppConfig } from './appConfig'

export const BENCH_PLAIN_ARTICLES = 'bench-plain-articles'

/** A field as plain Payload stores it: no hooks, access, validation or admin components; virtual fields dropped. */
const plainField = (field: Field, from: string, to: string): Field[] => {
  const source = field as Record<string, unknown>
  // The neighbour links adjacent-articles keeps current are our precomputed feature, not plain Payload.
  if (source.virtual || source.name === ADJACENT_LINKS_FIELD) return []
  const {
    access: _access,
    admin: _admin,
    filterOptions: _filterOptions,
    hooks: _hooks,
    validate: _validate,
    ...rest
  } = source
  if (rest.relationTo === from) rest.relationTo = to
  if (Array.isArray(rest.fields))
    rest.fields = (rest.fields as Field[]).flatMap((child) => plainField(child, from, to))
  return [rest as Field]
}

/**
 * `npm run bench`'s P0 baseline (NEWSROOM_BENCH=1 only): a copy of the finished `articles`
 * collection — the same stored fields, relationships, indexes, sort and populated shape — without
 * any of our hooks, access rules, endpoints, virtual or precomputed fields, readable by anyone. test/bench fills
 * it with the same corpus.
 */
const benchPlainArticles: Plugin = (config: Config): Config => {
  const articles = config.collections?.find((collection) => collection.slug === 'articles')
  if (!articles) return config
  const fields = articles.fields.flatMap((field) =>
    plainField(field, 'articles', BENCH_PLAIN_ARTICLES),
  )
  const named = (list: Field[]): string[] =>
    list.flatMap((field) =>
      'name' in field ? [field.name] : 'fields' in field ? named(field.fields) : [],
    )
  const stored = new Set([...named(fields), '_status'])
  const plain: CollectionConfig = {
    slug: BENCH_PLAIN_ARTICLES,
    access: { read: () => true },
    admin: { hidden: true },
    graphQL: false,
    // What populated articles carry (without the virtual ones), so P0 answers the same shape.
    defaultPopulate: articles.defaultPopulate
      ? (Object.fromEntries(
          Object.entries(articles.defaultPopulate).filter(([name]) => stored.has(name)),
        ) as never)
      : undefined,
    defaultSort: articles.defaultSort,
    indexes: articles.indexes,
    versions: { drafts: true },
    fields,
  }
  return { ...config, collections: [...(config.collections ?? []), plain] }
}

const appConfig = newsroomAppConfig()

export default buildConfig(
  process.env.NEWSROOM_BENCH === '1'
    ? { ...appConfig, plugins: [...(appConfig.plugins ?? []), benchPlainArticles] }
    : appConfig,
)
