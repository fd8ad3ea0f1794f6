import { AsyncLocalStorage } from 'node:async_hooks'

import type { SanitizedHttpCacheConfig } from './types'

/** What one request collects while Payload serves it. */
export type RequestScope = {
  /** Surrogate keys of every document and list the response was built from. */
  keys: Set<string>
}

export type CachedResponse = {
  body: Uint8Array
  etag: string
  headers: [string, string][]
  status: number
  storedAt: number
}

export type PopulatedDocument = {
  /** Length of its JSON: near enough to what it holds, for the budget. */
  bytes: number
  doc: Record<string, unknown>
  /** The surrogate keys its own read hooks recorded, recorded again for each read that reuses it. */
  keys: string[]
  storedAt: number
}

type CacheState = {
  apiRoute: string
  config: null | SanitizedHttpCacheConfig
  /** Insertion order doubles as LRU order: a hit is re-inserted. */
  entries: Map<string, CachedResponse>
  entryBytes: number
  /** Bumped by every purge; a response computed across a purge is not stored. */
  generation: number
  /** Documents populated into anonymous reads, by Payload's loader key (see hooks/memoizePopulation.ts). */
  populated: Map<string, PopulatedDocument>
  populatedBytes: number
  /**
   * Keys of the copies the last purges dropped, with when: readers were asking for them, so the
   * first read after the purge goes ahead of the other misses (see `renewsPurgedCopy`). Oldest
   * first, at most MAX_PURGED_KEYS and MAX_PURGED_KEY_CHARS in all.
   */
  purged: Map<string, number>
  purgedKeyChars: number
  /** Purged copies whose renewal was admitted, until when it may take to be stored again. */
  pendingRenewals: Map<string, number>
  /** Shared reads being answered right now, so that identical ones wait instead of repeating the work. */
  inFlight: Map<string, { generation: number; result: Promise<CachedResponse | null> }>
  requestScope: AsyncLocalStorage<RequestScope>
}

/** Purged keys remembered for their renewal (see `purged`): about what a full memory budget holds. */
const MAX_PURGED_KEYS = 10_000
const MAX_PURGED_KEY_CHARS = 2_000_000

// Next.js may bundle the config and a route handler into separate module instances; one process
// must still share one cache, so the state lives on globalThis.
const stateKey = Symbol.for('payload-newsroom.http-cache')

export const cacheState = (): CacheState => {
  const holder = globalThis as unknown as Record<symbol, CacheState | undefined>
  holder[stateKey] ??= {
    apiRoute: '/api',
    config: null,
    entries: new Map(),
    entryBytes: 0,
    generation: 0,
    inFlight: new Map(),
    populated: new Map(),
    populatedBytes: 0,
    pendingRenewals: new Map(),
    purged: new Map(),
    purgedKeyChars: 0,
    requestScope: new AsyncLocalStorage<RequestScope>(),
  }
  return holder[stateKey]
}

export const currentScope = (): RequestScope | undefined => cacheState().requestScope.getStore()

const dropPurged = (key: string): void => {
  const state = cacheState()
  if (state.purged.delete(key)) state.purgedKeyChars -= key.length
}

/**
 * Whether a read of `key` renews a copy a purge dropped (an editor saved) that readers were
 * asking for: the first read since the purge, within two of the copy's lifetimes, and the reads
 * arriving before it is stored again. A server starts them ahead of the other misses, rather than
 * leave the story everyone reads behind a flood of misses or turn its readers away (`npm run
 * bench:http`, scenario z); all but one are answered from the renewed copy. Once it is stored,
 * or its renewal's answer could not be kept, its reads are misses and hits as usual.
 */
export const renewsPurgedCopy = (key: string, now: number): boolean => {
  const state = cacheState()
  const window = 2 * (state.config?.memoryTtlMs ?? 0)
  const purgedAt = state.purged.get(key)
  if (purgedAt !== undefined) {
    dropPurged(key)
    if (now - purgedAt > window) return false
    state.pendingRenewals.set(key, now + window)
    return true
  }
  const pendingUntil = state.pendingRenewals.get(key)
  if (pendingUntil === undefined) return false
  if (now <= pendingUntil) return true
  state.pendingRenewals.delete(key)
  return false
}

/** Drops every response held in memory. Changes are rare next to reads, so precision buys little. */
export const purgeMemory = (): void => {
  const state = cacheState()
  state.generation += 1
  const now = Date.now()
  // Renewals whose time is up, even those never read again (a renewal computed across a purge is not stored).
  for (const [key, until] of state.pendingRenewals) if (now > until) state.pendingRenewals.delete(key)
  for (const key of state.entries.keys()) {
    dropPurged(key)
    state.purged.set(key, now)
    state.purgedKeyChars += key.length
  }
  for (const key of state.purged.keys()) {
    if (state.purged.size <= MAX_PURGED_KEYS && state.purgedKeyChars <= MAX_PURGED_KEY_CHARS) break
    dropPurged(key)
  }
  state.entries.clear()
  state.entryBytes = 0
  state.populated.clear()
  state.populatedBytes = 0
}

export const rememberResponse = (key: string, entry: CachedResponse): void => {
  const state = cacheState()
  const limit = state.config?.memoryMaxBytes ?? 0
  // One response may take at most an eighth of the budget, so a huge list cannot flush the rest.
  if (entry.body.byteLength > limit / 8) {
    state.pendingRenewals.delete(key)
    return
  }
  forgetResponse(key)
  state.entries.set(key, entry)
  state.entryBytes += entry.body.byteLength
  // Least recently used first: over budget, or too old ever to be served again (see
  // recallResponse). Without the second, a stream of one-off reads — a crawler, the long tail of
  // old articles — would keep the whole budget full of dead copies for the garbage collector to
  // walk. Best effort: it stops at the first copy still worth keeping.
  const servable = 2 * (state.config?.memoryTtlMs ?? 0)
  for (const [oldestKey, oldest] of state.entries) {
    if (state.entryBytes <= limit && entry.storedAt - oldest.storedAt <= servable) break
    state.entries.delete(oldestKey)
    state.entryBytes -= oldest.body.byteLength
  }
}

export const recallResponse = (key: string, now: number): CachedResponse | undefined => {
  const state = cacheState()
  const entry = state.entries.get(key)
  if (!entry) return undefined
  const ttl = state.config?.memoryTtlMs ?? 0
  const age = now - entry.storedAt
  if (age > ttl) {
    // Past its lifetime (which only bounds changes made by other processes: our own purge at once)
    // while one request already renews it: the others get this copy meanwhile rather than queue
    // behind the renewal — for at most one more lifetime.
    if (state.inFlight.has(key) && age <= 2 * ttl) return entry
    if (age > 2 * ttl) forgetResponse(key)
    return undefined
  }
  state.entries.delete(key)
  state.entries.set(key, entry)
  return entry
}

/**
 * Whether a read of `key` would renew a copy that has just expired: past its lifetime, still
 * servable while renewing (up to twice that), and no renewal running. Until one runs, every reader
 * of the key misses; a server should start such a read ahead of others (see src/admission.ts).
 */
export const awaitsRenewal = (key: string, now: number): boolean => {
  const state = cacheState()
  const entry = state.entries.get(key)
  const ttl = state.config?.memoryTtlMs ?? 0
  if (!entry || state.inFlight.has(key)) return false
  const age = now - entry.storedAt
  return age > ttl && age <= 2 * ttl
}

export const forgetResponse = (key: string): void => {
  const state = cacheState()
  // Stored again (rememberResponse forgets the old copy first), or its answer could not be kept.
  state.pendingRenewals.delete(key)
  const entry = state.entries.get(key)
  if (!entry) return
  state.entries.delete(key)
  state.entryBytes -= entry.body.byteLength
}

// Enough for every section, region, reporter and image of a newsroom and the headline lines of
// its recent articles (≈ 1 KB each), within a quarter of the default response budget.
const MAX_POPULATED_DOCUMENTS = 10_000
const MAX_POPULATED_BYTES = 16 * 1024 * 1024

/** Keeps a populated document (hooks/memoizePopulation.ts), oldest out first beyond the bounds. */
export const rememberPopulated = (key: string, entry: PopulatedDocument): void => {
  const state = cacheState()
  forgetPopulated(key)
  state.populated.set(key, entry)
  state.populatedBytes += entry.bytes
  for (const [oldestKey] of state.populated) {
    if (state.populated.size <= MAX_POPULATED_DOCUMENTS && state.populatedBytes <= MAX_POPULATED_BYTES) break
    forgetPopulated(oldestKey)
  }
}

const forgetPopulated = (key: string): void => {
  const state = cacheState()
  const entry = state.populated.get(key)
  if (!entry) return
  state.populated.delete(key)
  state.populatedBytes -= entry.bytes
}
