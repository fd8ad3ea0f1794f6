import type { CollectionBeforeOperationHook, CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedHttpCacheConfig } from '../types'

import { cacheState, currentScope, rememberPopulated } from '../cacheState'
import { keysOfDocument } from './recordSurrogateKeys'

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
 * changes: not a draft read, outside any transaction (which may hold writes not yet committed),
 * and with nothing populated inside it — documents it populated would be read by their own keys,
 * and their surrogate keys would be lost on reuse.
 */
const isShared = (config: SanitizedHttpCacheConfig, [transactionID, collection, , depth, currentDepth, , , , , draft]: LoaderKey): boolean =>
  transactionID == null && !draft && config.collections.includes(collection) && (!depth || currentDepth > depth)

// The memory is one per process; a process may hold several Payloads (tests, scripts) on other
// databases. Numbered on globalThis, like the memory (cacheState.ts): this module may be loaded
// twice in one process (Next.js's bundle and the server beside it), and two Payloads must never
// get the same number.
const PAYLOAD_NUMBERS = Symbol.for('payload-newsroom.http-cache.payload-numbers')
type PayloadNumbers = { numbers: WeakMap<object, number>; seen: number }
const numberOf = (payload: object): number => {
  const holder = globalThis as unknown as Record<symbol, PayloadNumbers | undefined>
  const registry = (holder[PAYLOAD_NUMBERS] ??= { numbers: new WeakMap(), seen: 0 })
  let number = registry.numbers.get(payload)
  if (number === undefined) registry.numbers.set(payload, (number = ++registry.seen))
  return number
}

// One entry may take at most this: anonymous callers choose what is populated (REST `populate`,
// GraphQL selections), so a whole article body can be asked for too.
const MAX_DOCUMENT_BYTES = 64 * 1024

/**
 * A deep copy of a document as Payload's loader returns it: JSON-like data, copied by hand, several
 * times faster than `structuredClone` for the small documents populated here (an article page
 * takes about a dozen). Anything else (a `Date` a hook left) is copied the general way.
 */
export const copyDocument = (value: unknown): unknown => {
  if (value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map(copyDocument)
  if (Object.getPrototypeOf(value) !== Object.prototype) return structuredClone(value)
  const copy: Record<string, unknown> = {}
  for (const [name, field] of Object.entries(value)) {
    // An own `__proto__` (JSON.parse makes one from rich text or JSON data) assigned would set the prototype.
    if (name === '__proto__') Object.defineProperty(copy, name, { configurable: true, enumerable: true, value: copyDocument(field), writable: true })
    else copy[name] = copyDocument(field)
  }
  return copy
}

const recallOrLoad = async (config: SanitizedHttpCacheConfig, req: PayloadRequest, key: string, load: Loader['load'], firstAskedAt: Map<string, number>): Promise<unknown> => {
  const state = cacheState()
  const now = Date.now()
  const memoryKey = `${numberOf(req.payload)}${key}`
  // Only keys found shared are ever kept, so a kept one needs no second look.
  const kept = state.populated.get(memoryKey)
  if (kept && now - kept.storedAt <= config.populatedTtlMs) {
    const scope = currentScope()
    if (scope) for (const surrogateKey of kept.keys) scope.keys.add(surrogateKey)
    // Payload writes into the documents it populates with; each read gets its own copy.
    return copyDocument(kept.doc)
  }
  const parsed = parseKey(key)
  if (!parsed || !isShared(config, parsed)) return load(key)
  // Payload's loader answers a key it was asked before in this request with what it read then,
  // maybe before a purge: what counts is when the key was first asked for.
  if (!firstAskedAt.has(key)) firstAskedAt.set(key, state.generation)
  const generation = firstAskedAt.get(key)
  const doc = await load(key)
  const collection = req.payload.collections[parsed[1] as CollectionSlug]?.config
  // A purge while it was read may have changed it: keep only what was read after the last one.
  if (!doc || typeof doc !== 'object' || !collection || state.generation !== generation) return doc
  const copy = copyDocument(doc) as Record<string, unknown>
  const bytes = JSON.stringify(copy).length
  if (bytes <= MAX_DOCUMENT_BYTES)
    rememberPopulated(memoryKey, {
      bytes,
      doc: copy,
      keys: keysOfDocument(config, collection, copy),
      storedAt: now,
    })
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
    const firstAskedAt = new Map<string, number>()
    loader.load = (key: string) => recallOrLoad(config, req, key, load, firstAskedAt)
    return args
  }
