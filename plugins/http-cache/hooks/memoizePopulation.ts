import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedHttpCacheConfig } from '../types'

import { cacheState, currentScope } from '../cacheState'
import { keysOfDocument } from './recordSurrogateKeys'

// Enough for every section, region, reporter and image of a newsroom and the headline lines of
// its recent articles (≈ 1 KB each).
const MAX_POPULATED_DOCUMENTS = 10_000

type Loader = { load: (key: string) => Promise<unknown> }

/** The fields of Payload's loader key (`createDataloaderCacheKey`), in its order. */
type LoaderKey = [
  transactionID: unknown,
  collection: string,
  id: unknown,
  depth: number,
  currentDepth: number,
  locale: unknown,
  fallbackLocale: unknown,
  overrideAccess: unknown,
  showHiddenFields: unknown,
  draft: unknown,
  select: unknown,
  populate: unknown,
]

const parseKey = (key: string): LoaderKey | null => {
  try {
    const parsed = JSON.parse(key) as unknown
    return Array.isArray(parsed) && typeof parsed[1] === 'string' ? (parsed as LoaderKey) : null
  } catch {
    return null
  }
}

/**
 * Whether the document a key loads is the same for every anonymous reader until something
 * changes: published state, outside any transaction (which may hold writes not yet committed),
 * and with nothing populated inside it — documents it populated would be read by their own keys,
 * and their surrogate keys would be lost on reuse.
 */
const isShared = (config: SanitizedHttpCacheConfig, [transactionID, collection, , depth, currentDepth, , , , , draft]: LoaderKey): boolean =>
  transactionID == null && !draft && config.collections.includes(collection) && (!depth || currentDepth > depth)

// The memory is one per process; a process may hold several Payloads (tests, scripts) on other databases.
const payloadNumbers = new WeakMap<object, number>()
let payloadsSeen = 0
const numberOf = (payload: object): number => {
  let number = payloadNumbers.get(payload)
  if (number === undefined) payloadNumbers.set(payload, (number = ++payloadsSeen))
  return number
}

const recallOrLoad = async (config: SanitizedHttpCacheConfig, req: PayloadRequest, key: string, load: Loader['load']): Promise<unknown> => {
  const parsed = parseKey(key)
  if (!parsed || !isShared(config, parsed)) return load(key)
  const state = cacheState()
  const now = Date.now()
  const memoryKey = `${numberOf(req.payload)}${key}`
  const kept = state.populated.get(memoryKey)
  if (kept && now - kept.storedAt <= config.populatedTtlMs) {
    const scope = currentScope()
    if (scope) for (const surrogateKey of kept.keys) scope.keys.add(surrogateKey)
    // Payload writes into the documents it populates with; each read gets its own copy.
    return structuredClone(kept.doc)
  }
  const generation = state.generation
  const doc = await load(key)
  const collection = req.payload.collections[parsed[1] as CollectionSlug]?.config
  // A purge while it was read may have changed it: keep only what was read after the last one.
  if (!doc || typeof doc !== 'object' || !collection || state.generation !== generation) return doc
  state.populated.delete(memoryKey)
  state.populated.set(memoryKey, { doc: structuredClone(doc as Record<string, unknown>), keys: keysOfDocument(config, collection, doc as Record<string, unknown>), storedAt: now })
  for (const oldest of state.populated.keys()) {
    if (state.populated.size <= MAX_POPULATED_DOCUMENTS) break
    state.populated.delete(oldest)
  }
  return doc
}

const memoized = new WeakSet<object>()

/**
 * Anonymous reads take the documents Payload populates into them (an article's section, region,
 * reporters and image, the headline lines of its related and neighbouring articles; over REST
 * `depth` and GraphQL alike) from memory, purged with the response copies on every change — so a
 * fresh article page costs the queries for its own article, not the same bylines, sections and
 * headlines again and again.
 * Payload populates through the request's loader; this wraps it, once per request.
 */
export const memoizePopulation =
  (config: SanitizedHttpCacheConfig): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    const loader = req.payloadDataLoader as Loader | undefined
    if (operation !== 'read' || !config.enabled || config.populatedTtlMs <= 0 || req.user || !loader || memoized.has(loader)) return args
    memoized.add(loader)
    const load = loader.load.bind(loader)
    loader.load = (key: string) => recallOrLoad(config, req, key, load)
    return args
  }
