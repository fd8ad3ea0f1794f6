import type { CollectionConfig, Config, Plugin } from 'payload'

import type { ArticleViewsOptions } from './types'

import { pluginCounterStore } from '../shared/counterStore'
import { withInputErrorsAsInfo } from '../shared/inputError'
import { sanitizeArticleViewsOptions } from './defaults'
import { mostReadEndpoint, viewEndpoint } from './endpoints'
import { flushViewsTask } from './flushTask'
import { mostReadQuery } from './graphQL'
import { startViewLog } from './viewLog'

export type { ArticleViewsOptions, MostReadWindow } from './types'
export { defaultBotPatterns, sanitizeArticleViewsOptions } from './defaults'
export { flushViews } from './counting'
export { viewLogOf } from './viewLog'
export type { ViewLog, ViewLogStats } from './viewLog'

/**
 * 조회수 and 많이 본 뉴스: `POST /api/<collection>/:id/view` (204) counts a view of a published,
 * public document once per browser per 30 minutes, bots left out, with no database write per view:
 * views wait in the counter store (Redis, else memory) and a job writes them to the count field in
 * batches. `GET /api/<collection>/most-read` and GraphQL `mostRead(section, window, limit)` rank by
 * views in the last 24 hours or 7 days, overall or per section.
 */
export const articleViews =
  (options: ArticleViewsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeArticleViewsOptions(options)
    if (!config.enabled) return incomingConfig
    const { onInit, store } = pluginCounterStore(
      'article-views',
      { redis: config.redis, keyPrefix: config.keyPrefix },
      incomingConfig,
    )
    // One limiter for both ways a view arrives (the endpoint, the view log).
    const perAddress = store.rateLimiter('address', config.viewsPerAddress)
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (collection.slug !== config.collection) return collection
      return {
        ...collection,
        endpoints: [
          // Before the collection's own: `/most-read` is no document id.
          mostReadEndpoint(config, store),
          viewEndpoint(config, store, perAddress),
          ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
        ],
      }
    })
    const userQueries = incomingConfig.graphQL?.queries
    return {
      ...incomingConfig,
      collections,
      graphQL: {
        ...incomingConfig.graphQL,
        queries: (GraphQL, context) => ({
          ...(userQueries?.(GraphQL, context) ?? {}),
          ...mostReadQuery(config, store)(GraphQL as never, context as never),
        }),
      },
      jobs: {
        ...incomingConfig.jobs,
        tasks: [...(incomingConfig.jobs?.tasks ?? []), flushViewsTask(config, store)],
      },
      loggingLevels: withInputErrorsAsInfo(incomingConfig),
      onInit: async (payload) => {
        await onInit(payload)
        if (config.viewLogListen)
          await startViewLog(payload, config, store, perAddress, config.viewLogListen)
      },
    }
  }
