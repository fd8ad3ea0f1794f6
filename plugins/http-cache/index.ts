import type { CollectionConfig, Config, Plugin } from 'payload'

import type { HttpCacheOptions } from './types'

import { ANNOUNCE_CHANGE } from '../shared/announceChange'
import { markDraftSave } from '../shared/markDraftSave'
import { cacheState } from './cacheState'
import { watchChanges } from './changeSignal'
import { sanitizeHttpCacheOptions } from './defaults'
import { memoizePopulation } from './hooks/memoizePopulation'
import { purgeAfterCommit, purgeChangedDocument, purgeDeletedDocument } from './hooks/purgeChangedDocument'
import { recordDocumentKeys, recordListRead, recordMissedLookup } from './hooks/recordSurrogateKeys'
import { joinWorkerPurges } from './workers'

export type { HttpCacheOptions } from './types'
export { answerFromMemoryOnNode, renewsStoredCopyOnNode } from './answerOnNode'
export { graphQLGetHandler, graphQLPostHandler } from './graphQLGet'
export { graphQLPost, parseOnce, validateOnce } from './graphQLPost'
export { answerFromMemory, isAnonymousRequest, renewsStoredCopy, withHttpCache } from './withHttpCache'
export type { CacheableRequest, CachedAnswer } from './withHttpCache'
export { purgeMemory as purgeHttpCache } from './cacheState'
export { relayHttpCachePurges } from './workers'

/**
 * HTTP caching for anonymous reads. The plugin records which documents each response is built
 * from and purges on change; wrap the route handlers with `withHttpCache` (REST GET,
 * `graphQLGetHandler` for GraphQL GET) to get ETag/304, Cache-Control, Surrogate-Key/Cache-Tag
 * and the in-memory copy.
 */
export const httpCache =
  (options: HttpCacheOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeHttpCacheOptions(options)
    const state = cacheState()
    state.config = config
    state.apiRoute = incomingConfig.routes?.api ?? '/api'
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        // Writes that run no hooks (derived fields written by jobs and endpoints) purge through it.
        custom: { ...collection.custom, [ANNOUNCE_CHANGE]: purgeAfterCommit },
        hooks: {
          ...hooks,
          beforeOperation: [...(hooks.beforeOperation ?? []), markDraftSave, recordListRead, memoizePopulation(config)],
          afterOperation: [...(hooks.afterOperation ?? []), recordMissedLookup],
          afterRead: [...(hooks.afterRead ?? []), recordDocumentKeys(config)],
          afterChange: [...(hooks.afterChange ?? []), purgeChangedDocument],
          afterDelete: [...(hooks.afterDelete ?? []), purgeDeletedDocument],
        },
      }
    })
    return {
      ...incomingConfig,
      collections,
      onInit: async (payload) => {
        await incomingConfig.onInit?.(payload)
        if (config.enabled && (config.memoryTtlMs > 0 || config.populatedTtlMs > 0)) {
          watchChanges(payload, config.changeSignalMs)
          joinWorkerPurges()
        }
      },
    }
  }
