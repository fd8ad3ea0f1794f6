import type { Payload, PayloadRequest } from 'payload'

type Task = { onceKey?: string; order: number; run: () => Promise<void> | void }
type Pending = Map<string, Task[]>
type Endings = Map<string, (() => void)[]>

const wrapped = Symbol.for('payload-newsroom.after-commit')

/**
 * Tasks wait on the database adapter itself, so the work runs once the changes are visible to
 * every other connection, whoever started the transaction (a REST save, a scheduled publish, a
 * script). Uses only the transaction methods every Payload database adapter implements.
 */
type Wrapped = { ended: Set<string>; endings: Endings; pending: Pending }

const wrappedFor = (payload: Payload): Wrapped => {
  const db = payload.db as Payload['db'] & { [wrapped]?: Wrapped }
  if (db[wrapped]) return db[wrapped]
  const pending: Pending = new Map()
  const endings: Endings = new Map()
  const ended = new Set<string>()
  const end = (key: string) => {
    // Transaction ids are fresh uuids: the last thousand that ended tell a late registration it is late.
    ended.add(key)
    for (const old of ended) {
      if (ended.size <= 1000) break
      ended.delete(old)
    }
    const callbacks = endings.get(key)
    endings.delete(key)
    for (const callback of callbacks ?? []) callback()
  }
  const commit = db.commitTransaction.bind(db)
  const rollback = db.rollbackTransaction.bind(db)
  db.commitTransaction = async (id) => {
    const key = String(await id)
    let result: Awaited<ReturnType<typeof commit>>
    try {
      result = await commit(id)
    } catch (error) {
      // Nothing was saved, so nothing that was to follow the save runs, and none of it is kept.
      pending.delete(key)
      throw error
    } finally {
      end(key)
    }
    const tasks = pending.get(key)
    pending.delete(key)
    for (const task of (tasks ?? []).sort((a, b) => a.order - b.order)) {
      try {
        await task.run()
      } catch (error) {
        // The save itself is committed; a follow-up that fails must not turn it into an error.
        payload.logger.error({ err: error, msg: 'A task run after a committed save failed' })
      }
    }
    return result
  }
  db.rollbackTransaction = async (id) => {
    const key = String(await id)
    pending.delete(key)
    try {
      return await rollback(id)
    } finally {
      end(key)
    }
  }
  db[wrapped] = { ended, endings, pending }
  return db[wrapped]
}

/**
 * Calls `callback` as soon as the transaction `transaction` has committed or rolled back, before
 * the tasks that follow its commit; at once if it has already ended.
 */
export const whenTransactionEnds = (payload: Payload, transaction: number | string, callback: () => void): void => {
  const { ended, endings } = wrappedFor(payload)
  const key = String(transaction)
  if (ended.has(key)) return callback()
  endings.set(key, [...(endings.get(key) ?? []), callback])
}

/**
 * The id of the transaction `req` is in, or null. Adapters without transactions (our SQLite) leave
 * a promise of null, which Payload's dataloader turns into `{}` by copying the request's ids
 * through JSON: neither is a transaction.
 */
export const transactionOf = async (req: PayloadRequest): Promise<null | number | string> => {
  const transaction = await req.transactionID
  return typeof transaction === 'string' || typeof transaction === 'number' ? transaction : null
}

/** The order in which tasks of one commit run: what writes first, what purges caches last. */
export const AFTER_COMMIT_ORDER = { write: 0, purge: 100 } as const

/**
 * Runs `run` once the transaction of `req` has committed, before the operation returns (the
 * adapter's commit is awaited by Payload), or at once when the request has no transaction.
 * Tasks of one commit run one after another in `order`; of the tasks given the same `onceKey`
 * (a purge that covers every document the transaction saved) only the first is kept.
 */
export const runAfterCommit = async (
  req: PayloadRequest,
  run: Task['run'],
  { onceKey, order = AFTER_COMMIT_ORDER.write }: { onceKey?: string; order?: number } = {},
): Promise<void> => {
  const transaction = await transactionOf(req)
  if (transaction === null) {
    await run()
    return
  }
  const { pending } = wrappedFor(req.payload)
  const key = String(transaction)
  const tasks = pending.get(key) ?? []
  if (onceKey !== undefined && tasks.some((task) => task.onceKey === onceKey)) return
  tasks.push({ onceKey, order, run })
  pending.set(key, tasks)
}
