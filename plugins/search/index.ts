import type { CollectionConfig, Config, Plugin } from 'payload'

import type { SearchOptions } from './types'

import { withInputErrorsAsInfo } from '../shared/inputError'
import { markDraftSave } from '../shared/markDraftSave'
import { SEARCH_CONFIG_KEY, sanitizeSearchOptions } from './defaults'
import { searchEndpoint } from './endpoint'
import { searchQuery } from './graphQL'
import { removeFromSearchIndex, syncSearchIndex } from './hooks/syncSearchIndex'

export type {
  SearchAdapter,
  SearchDocument,
  SearchHit,
  SearchOptions,
  SearchQuery,
  SearchResult,
} from './types'
export { databaseSearchAdapter, rebuildGramCounts, searchIndexSql } from './databaseAdapter'
export { parseSearchArgs, runSearch } from './runSearch'
export { reindexSearch, searchConfigOf, type ReindexProgress } from './reindex'
export { toSearchDocument } from './toSearchDocument'
export { gramCountsSlugOf, INDEX_SLUG } from './indexCollection'
export { sanitizeSearchOptions } from './defaults'

/**
 * Public full-text search over published articles, Korean-aware: `GET /api/search` and GraphQL
 * `searchArticles`, ranked title and keyword hits first, then newest, with highlighted passages.
 * The index is kept by the collection's hooks and lives where the adapter keeps it (by default the
 * app's database: docs/search.md).
 */
export const search =
  (options: SearchOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeSearchOptions(options)
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (collection.slug !== config.collection || !config.enabled) return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), markDraftSave],
          afterChange: [...(hooks.afterChange ?? []), syncSearchIndex(config)],
          afterDelete: [...(hooks.afterDelete ?? []), removeFromSearchIndex(config)],
        },
      }
    })
    const extra = (config.adapter.collections?.(config.indexSlug) ?? []).filter(
      (added) => !collections.some((collection) => collection.slug === added.slug),
    )
    if (!config.enabled) return { ...incomingConfig, collections: [...collections, ...extra] }
    const userQueries = incomingConfig.graphQL?.queries
    return {
      ...incomingConfig,
      collections: [...collections, ...extra],
      custom: { ...incomingConfig.custom, [SEARCH_CONFIG_KEY]: config },
      endpoints: [...(incomingConfig.endpoints ?? []), searchEndpoint(config)],
      loggingLevels: withInputErrorsAsInfo(incomingConfig),
      graphQL: {
        ...incomingConfig.graphQL,
        queries: (GraphQL, context) => ({
          ...(userQueries?.(GraphQL, context) ?? {}),
          ...searchQuery(config)(GraphQL as never, context as never),
        }),
      },
      onInit: async (payload) => {
        await incomingConfig.onInit?.(payload)
        await config.adapter.init?.(payload)
      },
    }
  }
