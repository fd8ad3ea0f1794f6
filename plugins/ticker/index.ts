import type { CollectionConfig, Config, Plugin } from 'payload'

import type { TickerOptions } from './types'

import { markDraftSave } from '../shared/markDraftSave'
import { breakingField, syncBreakingItem } from './breaking'
import { tickerCollection } from './collection'
import { sanitizeTickerOptions, TICKER_CONFIG_KEY } from './defaults'
import { tickerQuery } from './graphQL'

export type { TickerBreakingOptions, TickerChange, TickerItem, TickerOptions } from './types'
export { TICKER_SLUG } from './defaults'
export { readCurrentItems } from './currentItems'

/**
 * 티커뉴스: a `ticker-items` collection the desk manages (text, link or article, window, order,
 * on/off), read by anyone as `GET /api/ticker-items/current` and GraphQL `ticker`; optionally a
 * 속보 checkbox on articles that puts a published story on the ticker for a while.
 */
export const ticker =
  (options: TickerOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeTickerOptions(options)
    const breaking = config.breaking
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!breaking || collection.slug !== config.articles) return collection
      const hooks = collection.hooks ?? {}
      const beforeOperation = hooks.beforeOperation ?? []
      return {
        ...collection,
        fields: [...collection.fields, breakingField(breaking)],
        hooks: {
          ...hooks,
          beforeOperation: beforeOperation.includes(markDraftSave)
            ? beforeOperation
            : [...beforeOperation, markDraftSave],
          afterChange: [...(hooks.afterChange ?? []), syncBreakingItem(config)],
        },
      }
    })
    const userQueries = incomingConfig.graphQL?.queries
    return {
      ...incomingConfig,
      collections: [...collections, tickerCollection(config)],
      custom: { ...incomingConfig.custom, [TICKER_CONFIG_KEY]: config },
      graphQL: config.enabled
        ? {
            ...incomingConfig.graphQL,
            queries: (GraphQL, payload) => ({
              ...(userQueries?.(GraphQL, payload) ?? {}),
              ...tickerQuery(config)(GraphQL as never, payload as never),
            }),
          }
        : incomingConfig.graphQL,
    }
  }
