import type { CollectionConfig, Config, GlobalConfig, Plugin } from 'payload'

import type { HttpCacheOptions } from './types'

import { sanitizeHttpCacheOptions } from './defaults'
import { orderKeys } from './hooks/orderKeys'
import { recordDocumentKeys, recordListRead, recordMissedLookup } from './hooks/recordSurrogateKeys'
import { globalKey } from '../shared/surrogateKeys'
import { httpCacheState, recordKeys } from './requestScope'

export type { HttpCacheOptions } from './types'
export { graphQLGetHandler, graphQLPostHandler } from './graphQLGet'
export { graphQLPost, parseOnce, validateOnce } from './graphQLPost'
export { isAnonymousRequest, withHttpCache } from './withHttpCache'

/**
 * HTTP caching headers for reads; the caching itself is nginx's or a CDN's (see docs/caching.md).
 * The plugin records which documents each response is built from; wrap the route handlers with
 * `withHttpCache` (REST GET, `graphQLGetHandler` for GraphQL GET) to get ETag/304, Cache-Control
 * and Surrogate-Key/Cache-Tag. Purges go out as `cache.purge` events (the distribution plugin).
 */
export const httpCache =
  (options: HttpCacheOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeHttpCacheOptions(options)
    httpCacheState.config = config
    httpCacheState.apiRoute = incomingConfig.routes?.api ?? '/api'
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), recordListRead],
          afterOperation: [...(hooks.afterOperation ?? []), recordMissedLookup],
          // Last: the other plugins' virtual fields are filled by now.
          afterRead: [...(hooks.afterRead ?? []), orderKeys, recordDocumentKeys(config)],
        },
      }
    })
    const globals = (incomingConfig.globals ?? []).map((global): GlobalConfig => {
      if (!config.globals.includes(global.slug)) return global
      const hooks = global.hooks ?? {}
      return {
        ...global,
        hooks: {
          ...hooks,
          afterRead: [
            ...(hooks.afterRead ?? []),
            ({ doc, req }) => (recordKeys(req, [globalKey(global.slug)]), doc),
          ],
        },
      }
    })
    return { ...incomingConfig, collections, globals }
  }
