import type { Payload } from 'payload'

import crypto from 'node:crypto'

import { listedQuery } from '../shared/listedQueries'

/*
 * Apollo's automatic persisted queries: a request names its query by SHA-256
 * (`extensions.persistedQuery.sha256Hash`); a hash not known yet answers `PersistedQueryNotFound`
 * and the client repeats the request with the query, which registers it. Registered queries live
 * in Payload's key-value store (`payload.kv`: Redis when `REDIS_URL` is set, else the database),
 * so a hash registered through one app process is known to every other.
 */

const KEY_PREFIX = 'graphql-persisted-query:'
/** The registered hashes, oldest first: anonymous clients may register queries, so they are bounded. */
const INDEX_KEY = 'graphql-persisted-queries'
const MAX_PERSISTED_QUERIES = 1000
const MAX_PERSISTED_QUERY_CHARS = 20_000

/**
 * Hash → query, as read from the store: a query never changes under its hash, so each Payload
 * keeps what it has read (bounded) instead of asking the store on every request.
 */
const knownBy = new WeakMap<Payload, Map<string, string>>()
const MAX_KNOWN = 1000

const knownOf = (payload: Payload): Map<string, string> => {
  let known = knownBy.get(payload)
  if (!known) knownBy.set(payload, (known = new Map()))
  return known
}

const remember = (known: Map<string, string>, hash: string, query: string): void => {
  known.delete(hash)
  known.set(hash, query)
  for (const oldest of known.keys()) {
    if (known.size <= MAX_KNOWN) break
    known.delete(oldest)
  }
}

const sha256Hex = (query: string): string => crypto.createHash('sha256').update(query).digest('hex')

/**
 * Registers `query` under `hash`. The index is read and written without a lock: two processes
 * registering at once may each drop the other's hash from it, which leaves that one entry in the
 * store unbounded by the index (a query, never wrong) — not worth a lock on every registration.
 */
const register = async (payload: Payload, hash: string, query: string): Promise<void> => {
  await payload.kv.set(`${KEY_PREFIX}${hash}`, { query })
  const index = (await payload.kv.get<string[]>(INDEX_KEY)) ?? []
  if (index.includes(hash)) return
  index.push(hash)
  const dropped = index.splice(0, Math.max(0, index.length - MAX_PERSISTED_QUERIES))
  await payload.kv.set(INDEX_KEY, index)
  for (const old of dropped) await payload.kv.delete(`${KEY_PREFIX}${old}`)
}

const recall = async (payload: Payload, hash: string): Promise<null | string> => {
  const stored = await payload.kv.get<{ query?: unknown }>(`${KEY_PREFIX}${hash}`)
  // Checked again: whatever else writes to the store cannot make a hash name another query.
  return typeof stored?.query === 'string' && sha256Hex(stored.query) === hash ? stored.query : null
}

export type PersistedQueryAnswer =
  { error: { code?: string; message: string; status: number } } | { query: null | string }

/**
 * The query of a request that names one by its hash — registering it when the request also sends
 * it, after checking the hash — or the error to answer instead. Without the extension, the query
 * as sent.
 */
export const resolvePersistedQuery = async (
  payload: Payload,
  query: unknown,
  extensions: unknown,
): Promise<PersistedQueryAnswer> => {
  const sent = typeof query === 'string' && query !== '' ? query : null
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)
    ?.persistedQuery
  if (persisted === undefined) return { query: sent }
  const hash = persisted?.sha256Hash
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) {
    return {
      error: {
        message:
          '`extensions.persistedQuery.sha256Hash`가 올바르지 않습니다 (not a SHA-256 in hex)',
        status: 400,
      },
    }
  }
  const known = knownOf(payload)
  if (sent) {
    if (sha256Hex(sent) !== hash)
      return { error: { message: 'provided sha does not match query', status: 400 } }
    if (sent.length <= MAX_PERSISTED_QUERY_CHARS && known.get(hash) !== sent) {
      await register(payload, hash, sent)
      remember(known, hash, sent)
    }
    return { query: sent }
  }
  const listed = listedQuery(hash)
  if (listed) return { query: listed }
  const cached = known.get(hash)
  if (cached) return { query: cached }
  const stored = await recall(payload, hash)
  if (stored) {
    remember(known, hash, stored)
    return { query: stored }
  }
  // Status 200 as Apollo expects; an answer with errors, so no cache keeps it (withHttpCache).
  return {
    error: { code: 'PERSISTED_QUERY_NOT_FOUND', message: 'PersistedQueryNotFound', status: 200 },
  }
}
