import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { AsyncLocalStorage } from 'node:async_hooks'
import crypto from 'node:crypto'
import {
  APIError,
  commitTransaction,
  initTransaction,
  isolateObjectProperty,
  killTransaction,
} from 'payload'

/**
 * Locks on keys — a document (`articles:12`), or all saves of a collection (`saves:articles`) —
 * held where the data lives, so that they hold across any number of processes and machines:
 * - PostgreSQL: `pg_advisory_xact_lock` on the request's own transaction connection. PostgreSQL
 *   releases it at commit or rollback and sees every process and machine that shares the database;
 *   a cycle of waits (A waits for B, B for A) is a deadlock PostgreSQL detects and breaks.
 * - MongoDB: a lease document per key in `payload-newsroom-locks`, taken with one atomic
 *   findOneAndUpdate (any number of processes); released like the in-process lock below.
 * - SQLite (embedded, one process) and any request without a transaction: an in-process mutex,
 *   released by `releaseDocumentLocks` (afterOperation, afterError) or at the end of `withLocks`,
 *   or after `MAX_HOLD_MS`.
 * Document locks are re-entrant for the request that holds them: nested operations of one save
 * (hooks that pass `req`) go straight on. `withLocks` scopes are re-entrant for the work nested in
 * them, and take turns with concurrent work that shares their request.
 *
 * One global order, so that two transactions never wait on each other crosswise: `saves:<collection>`
 * first (a `beforeOperation` hook placed before every other, `lockCollectionSaves`), then document
 * locks (the document-locks plugin's, last of the `beforeOperation` hooks), several of them sorted.
 * Where a collection lock is taken in a scope (`withLocks`: jobs, endpoints, derived writes), the
 * work inside takes no document lock.
 */

/** Past this a save gives up waiting and answers 409, rather than go ahead and risk the other change. */
const MAX_WAIT_MS = 60_000
/** A lock whose release never came (a Local API save that failed outside any hook) is given up after this. */
const MAX_HOLD_MS = 15_000
/** How often a MongoDB waiter retries a taken lease. */
const MONGO_RETRY_MS = 25

export const lockKeyOf = (collection: string, id: number | string): string =>
  `${collection}:${String(id)}`

/** A signed 64-bit key for PostgreSQL's advisory locks, from the first 8 bytes of the key's SHA-256. */
export const advisoryKeyOf = (key: string): bigint =>
  crypto.createHash('sha256').update(`payload-newsroom:${key}`).digest().readBigInt64BE(0)

export class DocumentBusyError extends APIError {
  constructor(key: string) {
    super(`Another save of ${key} is still running; try again.`, 409, { code: 'CONFLICT' }, true)
  }
}

type Held = {
  owner: object
  queue: (() => void)[]
  release: () => Promise<void> | void
  timer: NodeJS.Timeout
}

/** Who holds which in-process lock: a request (document locks) or a `withLocks` scope. */
type State = { held: Map<string, Held>; byOwner: WeakMap<object, Set<string>> }
// Module scope: every taker reaches this module through the one Payload config of the process
// (its hooks, endpoints and jobs), so one instance of it holds every in-process lock.
const state: State = { held: new Map(), byOwner: new WeakMap() }

/**
 * The requests (owners) that took document locks, in a set kept on the request context. Payload's
 * GraphQL resolvers run each operation on a proxy of the request (`isolateObjectProperty`), so
 * the lock belongs to the proxy while the request's `afterError` sees the outer request with a
 * copy of the context: the copy carries the same set.
 */
const LOCK_OWNERS = Symbol.for('payload-newsroom.document-lock-owners')
type OwnersContext = { [LOCK_OWNERS]?: Set<object> }

/** Collection-wide lock for saves that write other documents of the collection (links, neighbours). */
export const savesKeyOf = (collection: string): string => `saves:${collection}`

type SqlSession = { execute: (query: string) => Promise<unknown> }

/** The request's transaction connection on PostgreSQL, or null. */
const postgresSessionOf = async (req: PayloadRequest): Promise<null | SqlSession> => {
  if (req.payload.db.name !== 'postgres') return null
  const id = await req.transactionID
  if (typeof id !== 'string' && typeof id !== 'number') return null
  const sessions = (req.payload.db as unknown as { sessions?: Record<string, { db?: SqlSession }> })
    .sessions
  return sessions?.[String(id)]?.db ?? null
}

/** Keys this request's current PostgreSQL transaction already holds: a second take would only cost a round trip. */
const heldInTransaction = new WeakMap<
  PayloadRequest,
  { keys: Set<string>; transaction: number | string }
>()

const lockInTransaction = async (
  req: PayloadRequest,
  session: SqlSession,
  keys: readonly string[],
): Promise<void> => {
  const transaction = (await req.transactionID) as number | string
  let held = heldInTransaction.get(req)
  if (held?.transaction !== transaction) {
    held = { keys: new Set(), transaction }
    heldInTransaction.set(req, held)
  }
  const missing = keys.filter((key) => !held.keys.has(key))
  // Several keys of one call in a fixed order, the same for every caller: two bulk saves never wait crosswise.
  const advisoryKeys = missing.map(advisoryKeyOf).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  for (const advisoryKey of advisoryKeys)
    await session.execute(`SELECT pg_advisory_xact_lock(${advisoryKey.toString()}::bigint)`)
  for (const key of missing) held.keys.add(key)
}

type MongoLocks = {
  deleteOne: (filter: object) => Promise<unknown>
  findOneAndUpdate: (filter: object, update: object, options: object) => Promise<unknown>
}
const mongoLocksOf = (req: PayloadRequest): MongoLocks | null => {
  if (req.payload.db.name !== 'mongoose') return null
  const connection = (
    req.payload.db as unknown as { connection?: { collection: (name: string) => MongoLocks } }
  ).connection
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
const takeInProcess = async (owner: object, req: PayloadRequest, key: string): Promise<void> => {
  const current = state.held.get(key)
  if (current) {
    if (current.owner === owner) return
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
    // Handed over by `releaseKey`; the caller makes itself the owner.
    return
  }
  hold(owner, req, key)
}

const hold = (owner: object, req: PayloadRequest, key: string, held?: Held): void => {
  const entry: Held = held ?? {
    owner,
    queue: [],
    release: () => undefined,
    timer: undefined as unknown as NodeJS.Timeout,
  }
  entry.owner = owner
  clearTimeout(entry.timer)
  entry.timer = setTimeout(() => {
    req.payload.logger.warn({
      msg: `newsroom: the lock on ${key} was held ${MAX_HOLD_MS} ms without being released; the next save goes ahead`,
    })
    void releaseKey(key)
  }, MAX_HOLD_MS)
  entry.timer.unref()
  state.held.set(key, entry)
  const keys = state.byOwner.get(owner) ?? new Set()
  keys.add(key)
  state.byOwner.set(owner, keys)
}

const releaseKey = async (key: string): Promise<void> => {
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
 * Locks `keys` for the rest of the request's transaction on PostgreSQL, or in this process (and
 * MongoDB's leases) until `releaseDocumentLocks`. Returns the keys this call newly locked in this
 * process (none on PostgreSQL, where the transaction's end releases them).
 */
export const lockKeys = async (req: PayloadRequest, keys: readonly string[]): Promise<string[]> => {
  const sorted = [...new Set(keys)].sort()
  const session = await postgresSessionOf(req)
  if (session) {
    await lockInTransaction(req, session, sorted)
    return []
  }
  return takeKeys(req, req, sorted)
}

/** Takes `keys` (sorted) in this process, and as MongoDB leases there, for `owner`; answers those it newly took. */
const takeKeys = async (
  owner: object,
  req: PayloadRequest,
  keys: readonly string[],
): Promise<string[]> => {
  const locked: string[] = []
  const mongo = mongoLocksOf(req)
  for (const key of keys) {
    const before = state.held.get(key)
    if (before?.owner === owner) continue
    await takeInProcess(owner, req, key)
    const entry = state.held.get(key)!
    if (entry.owner !== owner) hold(owner, req, key, entry)
    if (owner === req && req.context) {
      const context = req.context as OwnersContext
      ;(context[LOCK_OWNERS] ??= new Set()).add(owner)
    }
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

/** Gives back the in-process locks `keys` that `owner` holds. */
const releaseOwned = async (owner: object, keys: readonly string[]): Promise<void> => {
  for (const key of keys) {
    if (state.held.get(key)?.owner === owner) await releaseKey(key)
  }
}

/**
 * Locks the documents `ids` of `collection` (see `lockKeys`). Call it before Payload reads the
 * stored document: a collection's `beforeOperation` hook.
 */
export const lockDocuments = (
  req: PayloadRequest,
  collection: string,
  ids: readonly (number | string)[],
): Promise<string[]> =>
  lockKeys(
    req,
    ids.map((id) => lockKeyOf(collection, id)),
  )

export const lockDocument = (
  req: PayloadRequest,
  collection: string,
  id: number | string,
): Promise<string[]> => lockDocuments(req, collection, [id])

/** Whether this process holds an in-process lock on the document (SQLite, MongoDB). */
export const isLockedInProcess = (collection: string, id: number | string): boolean =>
  state.held.has(lockKeyOf(collection, id))

/** Whether the request holds any in-process lock (its outermost locking operation gives them all back). */
export const holdsDocumentLocks = (req: PayloadRequest): boolean =>
  (state.byOwner.get(req)?.size ?? 0) > 0

/** Gives back the in-process locks (and MongoDB leases) `keys`, or every one the request holds. */
export const releaseDocumentLocks = async (
  req: PayloadRequest,
  keys?: readonly string[],
): Promise<void> => {
  const owned = state.byOwner.get(req)
  if (owned) await releaseOwned(req, keys ?? [...owned])
}

/**
 * At the end of a failed request (`afterError`): gives back every in-process lock its operations
 * took, also those taken on a proxy of the request (GraphQL), which `releaseDocumentLocks(req)`
 * does not see. Without it a GraphQL save refused after its lock kept the document locked for
 * `MAX_HOLD_MS`, and every other save of it waited that long.
 */
export const releaseRequestLocks = async (req: PayloadRequest): Promise<void> => {
  await releaseDocumentLocks(req)
  const owners = (req.context as OwnersContext | undefined)?.[LOCK_OWNERS]
  if (!owners) return
  for (const owner of [...owners]) {
    owners.delete(owner)
    const keys = state.byOwner.get(owner)
    if (keys?.size) await releaseOwned(owner, [...keys])
  }
}

/** Keys the `withLocks` scopes around the running code hold in this process: their nested work goes straight on. */
const scopeKeys = new AsyncLocalStorage<ReadonlySet<string>>()

/**
 * Runs `work` holding `keys`: for writes made outside a save of the documents they change (a job,
 * an endpoint, derived fields). `work` is given the request to pass on to its operations.
 * - PostgreSQL: advisory locks in the request's transaction, held until it ends. A request without
 *   one (a job's task) gets one for `work`, on a copy of the request (siblings sharing it keep their
 *   own), committed when `work` succeeds, rolled back when it throws.
 * - Every database, after that: an in-process lock for the scope, so that concurrent work sharing one
 *   request or one transaction (which the database lock lets through) still takes turns; work nested
 *   in the scope goes straight on. Taken after the database lock, so that whoever waits for it
 *   already holds that one: the two never wait on each other crosswise.
 */
export const withLocks = async <T>(
  req: PayloadRequest,
  keys: readonly string[],
  work: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  const locked = async (scoped: PayloadRequest): Promise<T> => {
    const sorted = [...new Set(keys)].sort()
    const session = await postgresSessionOf(scoped)
    if (session) await lockInTransaction(scoped, session, sorted)
    const held = scopeKeys.getStore() ?? new Set<string>()
    const missing = sorted.filter((key) => !held.has(key))
    const owner = {}
    const taken = await takeKeys(owner, scoped, missing)
    try {
      return await scopeKeys.run(new Set([...held, ...missing]), () => work(scoped))
    } finally {
      await releaseOwned(owner, taken)
    }
  }
  return req.payload.db.name === 'postgres' ? inTransaction(req, locked) : locked(req)
}

/**
 * Runs `run` in the request's transaction, or, when it has none (a job's task, a script), in one
 * of its own on a copy of the request (siblings sharing the request keep theirs): committed when
 * `run` succeeds, rolled back when it throws.
 */
export const inTransaction = async <T>(
  req: PayloadRequest,
  run: (req: PayloadRequest) => Promise<T>,
): Promise<T> => {
  if (['string', 'number'].includes(typeof (await req.transactionID))) return run(req)
  const scoped = isolateObjectProperty(req, 'transactionID')
  const shouldCommit = await initTransaction(scoped)
  try {
    const result = await run(scoped)
    if (shouldCommit) await commitTransaction(scoped)
    return result
  } catch (error) {
    if (shouldCommit) await killTransaction(scoped)
    throw error
  }
}

/**
 * `beforeOperation`, placed before every other hook of the collection: a create, update, delete or
 * version restore on PostgreSQL holds `saves:<collection>` (or those of `collections`) from before its first write until its
 * transaction ends.
 *
 * Why before the first write: Payload's SQL adapters write a document's relationships with an
 * upsert that keeps the referenced rows locked against foreign-key checks until commit; two saves
 * of articles that link each other each waited for the other's row, and PostgreSQL aborted one
 * (`deadlock detected`). Held until commit, a save's reciprocal links and neighbour links are
 * computed from what every earlier save committed. One collection-wide key rather than one per
 * section timeline: a save's section is known only after it is read, and a newsroom saves a few
 * articles a minute, each holding the lock for its transaction's milliseconds.
 * Elsewhere nothing is held here: SQLite runs no transactions (one process; `withLocks` orders the
 * derived writes), and an in-process lock held across a Local API operation that throws would not
 * be given back (no hook runs).
 */
export const lockCollectionSaves =
  (collections?: readonly string[]): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (
      operation !== 'create' &&
      operation !== 'update' &&
      operation !== 'delete' &&
      operation !== 'restoreVersion'
    )
      return args
    const session = await postgresSessionOf(req)
    // Saves of the collection itself by default; a collection whose saves rewrite another's documents (a reporter's bylines) names it.
    if (session)
      await lockInTransaction(req, session, (collections ?? [collection.slug]).map(savesKeyOf))
    return args
  }
