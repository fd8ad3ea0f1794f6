import type { PayloadRequest } from 'payload'

import crypto from 'node:crypto'
import { APIError } from 'payload'

/**
 * A per-document lock, held from before Payload reads the stored document for a save until the
 * save's transaction ends, so that two saves of one document never both merge their change onto
 * the same stored copy (the later write would silently drop the earlier change).
 *
 * Where the data lives decides how:
 * - PostgreSQL: `pg_advisory_xact_lock` on the request's own transaction connection. PostgreSQL
 *   releases it at commit or rollback and sees every process and machine that shares the database;
 *   a cycle of waits (A waits for B, B for A) is a deadlock PostgreSQL detects and breaks.
 * - MongoDB: a lease document per key in `payload-newsroom-locks`, taken with one atomic
 *   findOneAndUpdate (any number of processes); released like the in-process lock below.
 * - SQLite (embedded, one process) and any request without a transaction: an in-process mutex,
 *   released by `releaseDocumentLocks` (afterOperation, afterError), or after `MAX_HOLD_MS`.
 * Locks are re-entrant for the request that holds them: nested operations of one save (hooks that
 * pass `req`) go straight on.
 */

/** Past this a save gives up waiting and answers 409, rather than go ahead and risk the other change. */
const MAX_WAIT_MS = 60_000
/** A lock whose release never came (a Local API save that failed outside any hook) is given up after this. */
const MAX_HOLD_MS = 15_000
/** How often a MongoDB waiter retries a taken lease. */
const MONGO_RETRY_MS = 25

export const lockKeyOf = (collection: string, id: number | string): string => `${collection}:${String(id)}`

/** A signed 64-bit key for PostgreSQL's advisory locks, from the first 8 bytes of the key's SHA-256. */
export const advisoryKeyOf = (key: string): bigint => crypto.createHash('sha256').update(`payload-newsroom:${key}`).digest().readBigInt64BE(0)

export class DocumentBusyError extends APIError {
  constructor(key: string) {
    super(`Another save of ${key} is still running; try again.`, 409, { code: 'CONFLICT' }, true)
  }
}

type Held = { owner: object; queue: (() => void)[]; release: () => Promise<void> | void; timer: NodeJS.Timeout }

const stateKey = Symbol.for('payload-newsroom.document-locks')
type State = { held: Map<string, Held>; byOwner: WeakMap<object, Set<string>> }
const stateOf = (): State => {
  const holder = globalThis as unknown as Record<symbol, State | undefined>
  return (holder[stateKey] ??= { held: new Map(), byOwner: new WeakMap() })
}

/** The request's transaction connection on PostgreSQL, or null. */
const postgresSessionOf = async (req: PayloadRequest): Promise<null | { execute: (query: string) => Promise<unknown> }> => {
  if (req.payload.db.name !== 'postgres') return null
  const id = await req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const sessions = (req.payload.db as unknown as { sessions?: Record<string, { db?: { execute: (query: string) => Promise<unknown> } }> }).sessions
  return sessions?.[String(id)]?.db ?? null
}

type MongoLocks = {
  deleteOne: (filter: object) => Promise<unknown>
  findOneAndUpdate: (filter: object, update: object, options: object) => Promise<unknown>
}
const mongoLocksOf = (req: PayloadRequest): MongoLocks | null => {
  if (req.payload.db.name !== 'mongoose') return null
  const connection = (req.payload.db as unknown as { connection?: { collection: (name: string) => MongoLocks } }).connection
  return connection?.collection('payload-newsroom-locks') ?? null
}

/** Takes the MongoDB lease for `key`, outside the transaction so other processes see it at once. */
const takeMongoLease = async (locks: MongoLocks, key: string, token: string): Promise<boolean> => {
  const now = new Date()
  try {
    await locks.findOneAndUpdate(
      { _id: key, $or: [{ expiresAt: { $lt: now } }, { token }] },
      { $set: { expiresAt: new Date(now.getTime() + MAX_HOLD_MS), token } },
      { upsert: true },
    )
    return true
  } catch (error) {
    // Duplicate key: the lease exists, is not expired and is someone else's.
    if ((error as { code?: number }).code === 11000) return false
    throw error
  }
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The in-process turn for `key`, first come first served; resolves once `owner` holds it. */
const takeInProcess = async (req: PayloadRequest, key: string): Promise<void> => {
  const state = stateOf()
  const current = state.held.get(key)
  if (current) {
    if (current.owner === req) return
    const isGranted = await new Promise<boolean>((resolve) => {
      const grant = () => {
        clearTimeout(timer)
        resolve(true)
      }
      const timer = setTimeout(() => {
        current.queue = current.queue.filter((waiter) => waiter !== grant)
        resolve(false)
      }, MAX_WAIT_MS)
      timer.unref()
      current.queue.push(grant)
    })
    if (!isGranted) throw new DocumentBusyError(key)
    // Handed over by `releaseKey`, which made this request the owner.
    return
  }
  hold(req, key)
}

const hold = (req: PayloadRequest, key: string, held?: Held): void => {
  const state = stateOf()
  const entry: Held = held ?? { owner: req, queue: [], release: () => undefined, timer: undefined as unknown as NodeJS.Timeout }
  entry.owner = req
  clearTimeout(entry.timer)
  entry.timer = setTimeout(() => {
    req.payload.logger.warn({ msg: `newsroom: the lock on ${key} was held ${MAX_HOLD_MS} ms without being released; the next save goes ahead` })
    void releaseKey(key)
  }, MAX_HOLD_MS)
  entry.timer.unref()
  state.held.set(key, entry)
  const keys = state.byOwner.get(req) ?? new Set()
  keys.add(key)
  state.byOwner.set(req, keys)
}

const releaseKey = async (key: string): Promise<void> => {
  const state = stateOf()
  const entry = state.held.get(key)
  if (!entry) return
  state.byOwner.get(entry.owner)?.delete(key)
  clearTimeout(entry.timer)
  try {
    await entry.release()
  } catch {
    // A lease that could not be removed expires by itself.
  }
  const next = entry.queue.shift()
  if (!next) {
    state.held.delete(key)
    return
  }
  // The waiter's request becomes the owner when it resumes (see `grant`): mark it now so nobody slips in.
  entry.owner = next
  entry.release = () => undefined
  next()
}

/**
 * Locks the documents `ids` of `collection` for the rest of the request's transaction (or until
 * `releaseDocumentLocks`). Call it before Payload reads the stored document: a collection's
 * `beforeOperation` hook. Several ids are locked in a stable order, so two bulk saves never wait
 * on each other crosswise. Returns the keys this call newly locked in this process.
 */
export const lockDocuments = async (req: PayloadRequest, collection: string, ids: readonly (number | string)[]): Promise<string[]> => {
  const keys = [...new Set(ids.map((id) => lockKeyOf(collection, id)))].sort()
  const session = await postgresSessionOf(req)
  if (session) {
    // One key after another in a fixed order, the same for every save: two bulk saves never wait crosswise.
    const advisoryKeys = keys.map(advisoryKeyOf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    for (const advisoryKey of advisoryKeys) await session.execute(`SELECT pg_advisory_xact_lock(${advisoryKey.toString()}::bigint)`)
    return []
  }
  const locked: string[] = []
  const mongo = mongoLocksOf(req)
  for (const key of keys) {
    const before = stateOf().held.get(key)
    if (before?.owner === req) continue
    await takeInProcess(req, key)
    const entry = stateOf().held.get(key)!
    if (entry.owner !== req) hold(req, key, entry)
    if (mongo) {
      // Within the process the mutex orders the saves; across processes the lease does.
      const token = crypto.randomUUID()
      const startedAt = Date.now()
      while (!(await takeMongoLease(mongo, key, token))) {
        if (Date.now() - startedAt > MAX_WAIT_MS) {
          await releaseKey(key)
          throw new DocumentBusyError(key)
        }
        await wait(MONGO_RETRY_MS)
      }
      entry.release = () => mongo.deleteOne({ _id: key, token }).then(() => undefined)
    }
    locked.push(key)
  }
  return locked
}

export const lockDocument = (req: PayloadRequest, collection: string, id: number | string): Promise<string[]> => lockDocuments(req, collection, [id])

/** Whether this process holds an in-process lock on the document (SQLite, MongoDB). */
export const isLockedInProcess = (collection: string, id: number | string): boolean => stateOf().held.has(lockKeyOf(collection, id))

/** Whether the request holds any in-process lock (its outermost locking operation gives them all back). */
export const holdsDocumentLocks = (req: PayloadRequest): boolean => (stateOf().byOwner.get(req)?.size ?? 0) > 0

/** Gives back the in-process locks (and MongoDB leases) `keys`, or every one the request holds. */
export const releaseDocumentLocks = async (req: PayloadRequest, keys?: readonly string[]): Promise<void> => {
  const state = stateOf()
  const owned = state.byOwner.get(req)
  if (!owned) return
  for (const key of keys ?? [...owned]) {
    if (state.held.get(key)?.owner === req) await releaseKey(key)
  }
}
