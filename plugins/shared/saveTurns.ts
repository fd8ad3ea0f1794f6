import type { Cluster, Worker } from 'node:cluster'
import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import cluster from 'node:cluster'
import crypto from 'node:crypto'

import { transactionOf, whenTransactionEnds } from './afterCommit'

type Waiter = { resume: () => void; transaction: string }
type Turn = {
  owner: null | string
  /** Resolves once the owner also holds the turn across the cluster (true), or gave up waiting (false). */
  ready: Promise<boolean>
  releaseAcrossCluster: () => void
  waiting: Waiter[]
}

const turnsKey = Symbol.for('payload-newsroom.save-turns')

/** Past this wait a save goes ahead without its turn, so a lock the turn cannot see never hangs it. */
const MAX_WAIT_MS = 10_000
/** A turn whose transaction never reports its end (it died another way) is given up after this. */
const MAX_HOLD_MS = 60_000

const turnsOf = (): Map<string, Turn> => {
  const holder = globalThis as unknown as Record<symbol, Map<string, Turn> | undefined>
  return (holder[turnsKey] ??= new Map())
}

/*
 * Across the workers of one server (node:cluster): each worker's turns are asked of the primary,
 * which gives each key to one worker's transaction at a time, in the order asked.
 */
const ASK = 'payload-newsroom:save-turns:ask'
const GRANTED = 'payload-newsroom:save-turns:granted'
// Given back after the transaction ended, or withdrawn by a worker that stopped waiting for it.
const DONE = 'payload-newsroom:save-turns:done'
// Set by the primary before it forks, so its workers know someone answers them.
const RELAY_ENV = 'PAYLOAD_NEWSROOM_SAVE_TURNS_RELAY'

type TurnMessage = { id: string; key: string; type: string }
const isTurnMessage = (message: unknown, type: string): message is TurnMessage =>
  typeof message === 'object' &&
  message !== null &&
  (message as TurnMessage).type === type &&
  typeof (message as TurnMessage).id === 'string' &&
  typeof (message as TurnMessage).key === 'string'

/**
 * For the cluster's primary, before it forks its workers: saves that take turns (`takeSaveTurn`)
 * take them across every worker, not only within each. A worker that exits gives its turns back.
 */
export const relaySaveTurns = (primary: Cluster = cluster): void => {
  process.env[RELAY_ENV] = '1'
  type Holder = { id: string; worker: Worker }
  const turns = new Map<string, { owner: Holder | null; waiting: Holder[] }>()
  const grantNext = (key: string) => {
    const turn = turns.get(key)
    if (!turn || turn.owner) return
    let next: Holder | undefined
    while ((next = turn.waiting.shift()) && !next.worker.isConnected());
    if (!next) return void turns.delete(key)
    turn.owner = next
    next.worker.send({ type: GRANTED, id: next.id, key })
  }
  primary.on('message', (worker, message: unknown) => {
    if (isTurnMessage(message, ASK)) {
      const turn = turns.get(message.key) ?? { owner: null, waiting: [] }
      turns.set(message.key, turn)
      turn.waiting.push({ id: message.id, worker })
      grantNext(message.key)
    } else if (isTurnMessage(message, DONE)) {
      const turn = turns.get(message.key)
      if (!turn) return
      if (turn.owner?.id === message.id) turn.owner = null
      else turn.waiting = turn.waiting.filter((holder) => holder.id !== message.id)
      grantNext(message.key)
    }
  })
  primary.on('exit', (worker) => {
    for (const [key, turn] of turns) {
      turn.waiting = turn.waiting.filter((holder) => holder.worker !== worker)
      if (turn.owner?.worker === worker) turn.owner = null
      grantNext(key)
    }
  })
}

const grantsKey = Symbol.for('payload-newsroom.save-turns.grants')
/** In a worker: what to call when the primary grants an ask, by id; one listener per process. */
const grantsOf = (): Map<string, () => void> => {
  const holder = globalThis as unknown as Record<symbol, Map<string, () => void> | undefined>
  let grants = holder[grantsKey]
  if (!grants) {
    const created = new Map<string, () => void>()
    grants = holder[grantsKey] = created
    process.on('message', (message: unknown) => {
      if (!isTurnMessage(message, GRANTED)) return
      const granted = created.get(message.id)
      // Granted after this worker stopped waiting (and withdrew): the withdrawal gives it back.
      if (granted) granted()
    })
  }
  return grants
}

/** Asks the primary for the key's turn when this process is one of its workers; else holds at once. */
const turnAcrossCluster = (key: string): { ready: Promise<boolean>; release: () => void } => {
  if (!cluster.isWorker || !process.send || process.env[RELAY_ENV] !== '1') return { ready: Promise.resolve(true), release: () => undefined }
  const id = crypto.randomUUID()
  const grants = grantsOf()
  let isReleased = false
  const release = () => {
    if (isReleased) return
    isReleased = true
    grants.delete(id)
    if (process.connected) process.send?.({ type: DONE, id, key })
  }
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => {
      grants.delete(id)
      resolve(false)
    }, MAX_WAIT_MS)
    timer.unref()
    grants.set(id, () => {
      clearTimeout(timer)
      grants.delete(id)
      resolve(true)
    })
    process.send!({ type: ASK, id, key })
  })
  return { ready, release }
}

/** Makes `transaction` the turn's owner, asking the other workers' turn for it too. */
const own = (turn: Turn, key: string, transaction: string) => {
  const acrossCluster = turnAcrossCluster(key)
  turn.owner = transaction
  turn.ready = acrossCluster.ready
  turn.releaseAcrossCluster = acrossCluster.release
}

/** The next waiting transaction gets the turn, with every operation of it that waits. */
const handOver = (turn: Turn, key: string) => {
  const next = turn.waiting[0]
  if (!next) {
    turn.owner = null
    return
  }
  own(turn, key, next.transaction)
  const resumed = turn.waiting.filter((waiter) => waiter.transaction === next.transaction)
  turn.waiting = turn.waiting.filter((waiter) => waiter.transaction !== next.transaction)
  for (const waiter of resumed) waiter.resume()
}

/**
 * Saves to one collection that run in transactions take turns, from before their first write until
 * their transaction has committed or rolled back: within the process, and across the workers of a
 * node:cluster server whose primary runs `relaySaveTurns`.
 *
 * Why: Payload's SQL adapters update a document with an upsert, which on PostgreSQL keeps the row
 * locked against foreign-key checks until commit. Articles that reference each other (computed
 * suggestions, an editor's pick and its reciprocal link) saved at the same moment each waited for
 * the other's row: PostgreSQL aborted one with `deadlock detected`, and an editor's save failed —
 * whether the two saves ran in one process or in two workers of `npm start`. Nested operations of
 * the transaction that holds the turn go straight on. Without a transaction (SQLite here, MongoDB
 * without a replica set) nothing waits. Saves made by another server, or by a separate job worker,
 * still meet only the database's own locking.
 */
export const takeSaveTurn = async (req: PayloadRequest, key: string): Promise<void> => {
  const id = await transactionOf(req)
  if (id === null) return
  const transaction = String(id)
  const turns = turnsOf()
  const startedAt = Date.now()
  const turn: Turn = turns.get(key) ?? { owner: null, ready: Promise.resolve(true), releaseAcrossCluster: () => undefined, waiting: [] }
  turns.set(key, turn)
  const wentAhead = () => req.payload.logger.warn({ msg: `newsroom: a save to ${key} went ahead after waiting ${MAX_WAIT_MS} ms for its turn` })
  if (turn.owner === transaction) {
    // Another operation of this transaction holds the turn, or is still being given it across the cluster.
    await turn.ready
    return
  }
  if (turn.owner !== null) {
    const gotTurn = await new Promise<boolean>((resolve) => {
      const waiter: Waiter = {
        resume: () => {
          clearTimeout(timer)
          resolve(true)
        },
        transaction,
      }
      const timer = setTimeout(() => {
        turn.waiting = turn.waiting.filter((other) => other !== waiter)
        resolve(false)
      }, MAX_WAIT_MS)
      timer.unref()
      turn.waiting.push(waiter)
    })
    if (!gotTurn) return wentAhead()
  } else own(turn, key, transaction)
  const release = () => {
    clearTimeout(holdTimer)
    if (turn.owner !== transaction) return
    turn.releaseAcrossCluster()
    handOver(turn, key)
    if (turn.owner === null && turns.get(key) === turn) turns.delete(key)
  }
  const holdTimer = setTimeout(() => {
    req.payload.logger.warn({ msg: `newsroom: a save to ${key} held its turn ${MAX_HOLD_MS} ms; the next save goes ahead` })
    release()
  }, MAX_HOLD_MS)
  holdTimer.unref()
  // The transaction may have ended while this operation waited (a sibling failed and rolled it back).
  whenTransactionEnds(req.payload, id, release)
  // The other workers' saves: waited for in whatever remains of the wait allowed.
  const acrossCluster = await Promise.race([turn.ready, new Promise<boolean>((resolve) => setTimeout(resolve, Math.max(0, MAX_WAIT_MS - (Date.now() - startedAt)), false).unref())])
  if (!acrossCluster) wentAhead()
}

/** The hook form: creates, updates, deletes and version restores of the collection take their turn. */
export const saveTurnHook =
  (key: string): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation === 'create' || operation === 'update' || operation === 'delete' || operation === 'restoreVersion') await takeSaveTurn(req, key)
    return args
  }
