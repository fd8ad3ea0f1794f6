import type { CollectionConfig, Config, Field, Plugin, SelectType } from 'payload'

import { getSelectMode } from 'payload/shared'

import type { ReporterPagesOptions, SanitizedReporterPagesConfig } from './types'

import { sanitizeReporterPagesOptions } from './defaults'
import { hasDrafts, publishedOnly } from '../shared/publication'
import { reassignArticlesEndpoint } from './endpoints/reassignArticles'
import { correctGraphQLJoinReads, restoreGraphQLJoinTotals } from './hooks/correctGraphQLJoinReads'
import { preventOrphanedArticles } from './hooks/preventOrphanedArticles'
import { listHeadlines } from './hooks/listHeadlines'
import { repairJoinPage } from './hooks/repairJoinPage'
import { refreshBylines } from './hooks/refreshBylines'
import { requireActiveByline } from './hooks/requireByline'
import { setByline } from './hooks/setByline'
import { lockCollectionSaves } from '../shared/documentLock'

export type { ReporterPagesOptions } from './types'
export { composeByline } from './hooks/setByline'

const articlesJoin = (
  config: SanitizedReporterPagesConfig,
  articles: CollectionConfig | undefined,
): Field => ({
  name: config.joinField,
  type: 'join',
  collection: config.articles as never,
  on: config.bylineField,
  defaultSort: config.sort as never,
  defaultLimit: config.pageSize,
  maxDepth: 1,
  // The reporter page lists published news only, for every reader, staff included.
  ...(hasDrafts(articles) ? { where: { and: publishedOnly(articles) } } : {}),
  label: { en: 'Articles', ko: '이 기자의 기사' },
  admin: { defaultColumns: ['title', 'registeredAt'] },
  hooks: { afterRead: [repairJoinPage(config, articles)] },
})

const bylineField: Field = {
  name: 'byline',
  type: 'text',
  label: { en: 'Byline', ko: '바이라인' },
  admin: {
    readOnly: true,
    position: 'sidebar',
    description: { en: 'From the reporters, in order', ko: '기자 순서대로 자동으로 채워집니다' },
  },
  access: { create: () => false, update: () => false },
}

/**
 * A reporter populated inside an article (REST and Local API `depth` ≥ 1) leaves the article list
 * out: working it out was about three of the four milliseconds an article read spent in SQLite
 * (`npm run bench`), for a page of bare ids nobody shows there. The reporter page reads it as
 * before (REST `/reporters`; GraphQL `reporters { articles }` runs its own read). A collection
 * that lists what to populate (include mode) keeps its choice.
 */
const populateWithoutJoin = (defaultPopulate: SelectType | undefined, join: string): SelectType => {
  if (!defaultPopulate) return { [join]: false }
  return getSelectMode(defaultPopulate) === 'exclude'
    ? ({ ...defaultPopulate, [join]: false } as SelectType)
    : defaultPopulate
}

/**
 * Reporter pages ("이 기자의 다른뉴스보기"): each reporter's published articles as a paginated
 * join, a stored byline on articles, and a reporter who still has articles cannot be deleted.
 */
export const reporterPages =
  (options: ReporterPagesOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeReporterPagesOptions(options)
    const articles = incomingConfig.collections?.find(
      (collection) => collection.slug === config.articles,
    )
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (collection.slug === config.reporters) {
        return {
          ...collection,
          fields: [...collection.fields, articlesJoin(config, articles)],
          defaultPopulate: populateWithoutJoin(
            collection.defaultPopulate as SelectType | undefined,
            config.joinField,
          ) as never,
          endpoints: [...(collection.endpoints || []), reassignArticlesEndpoint(config)],
          hooks: {
            ...collection.hooks,
            // First: a reporter's save rewrites their articles' bylines (refreshBylines), so it takes
            // the articles' save lock before its own first write, as an article save does.
            beforeOperation: [
              lockCollectionSaves([config.articles]),
              ...(collection.hooks?.beforeOperation ?? []),
            ],
            afterChange: [...(collection.hooks?.afterChange ?? []), refreshBylines(config)],
            afterRead: [...(collection.hooks?.afterRead ?? []), listHeadlines(config)],
            beforeDelete: [
              ...(collection.hooks?.beforeDelete ?? []),
              preventOrphanedArticles(config),
            ],
          },
        }
      }
      if (collection.slug === config.articles) {
        return {
          ...collection,
          fields: [...collection.fields, bylineField],
          hooks: {
            ...collection.hooks,
            beforeOperation: [
              ...(collection.hooks?.beforeOperation ?? []),
              correctGraphQLJoinReads(config),
            ],
            afterOperation: [...(collection.hooks?.afterOperation ?? []), restoreGraphQLJoinTotals],
            beforeChange: [
              ...(collection.hooks?.beforeChange ?? []),
              requireActiveByline(config),
              setByline(config),
            ],
          },
        }
      }
      return collection
    })
    return { ...incomingConfig, collections }
  }
