import type { CollectionBeforeOperationHook, PayloadRequest } from 'payload'

import { transactionOf, whenTransactionEnds } from './afterCommit'

type Waiter = { resume: () => void; transaction: string }
type Turn = { owner: null | string; waiting: Waiter[] }

const turnsKey = Symbol.for('payload-newsroom.save-turns')

/** Past this wait a save goes ahead without its turn, so a lock the turn cannot see never hangs it. */
const MAX_WAIT_MS = 10_000
/** A turn whose transaction never reports its end (it died another way) is given up after this. */
const MAX_HOLD_MS = 60_000

const turnsOf = (): Map<string, Turn> => {
  const holder = globalThis as unknown as Record<symbol, Map<string, Turn> | undefined>
  return (holder[turnsKey] ??= new Map())
}

/** The next waiting transaction gets the turn, with every operation of it that waits. */
const handOver = (turn: Turn) => {
  const next = turn.waiting[0]
  turn.owner = next?.transaction ?? null
  if (!next) return
  const resumed = turn.waiting.filter((waiter) => waiter.transaction === next.transaction)
  turn.waiting = turn.waiting.filter((waiter) => waiter.transaction !== next.transaction)
  for (const waiter of resumed) waiter.resume()
}

/**
 * Saves to one collection that run in transactions take turns in this process, from before their
 * first write until their transaction has committed or rolled back.
 *
 * Why: Payload's SQL adapters update a document with an upsert, which on PostgreSQL keeps the row
 * locked against foreign-key checks until commit. Articles that reference each other (computed
 * suggestions, an editor's pick and its reciprocal link) saved at the same moment each waited for
 * the other's row: PostgreSQL aborted one with `deadlock detected`, and an editor's save failed.
 * Nested operations of the transaction that holds the turn go straight on. Without a transaction
 * (SQLite here, MongoDB without a replica set) nothing waits. Saves made in another process still
 * meet only the database's own locking.
 */
export const takeSaveTurn = async (req: PayloadRequest, key: string): Promise<void> => {
  const id = await transactionOf(req)
  if (id === null) return
  const transaction = String(id)
  const turns = turnsOf()
  const turn = turns.get(key) ?? { owner: null, waiting: [] }
  turns.set(key, turn)
  if (turn.owner === transaction) return
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
    if (!gotTurn) {
      req.payload.logger.warn({ msg: `newsroom: a save to ${key} went ahead after waiting ${MAX_WAIT_MS} ms for its turn` })
      return
    }
  } else turn.owner = transaction
  const release = () => {
    clearTimeout(holdTimer)
    if (turn.owner !== transaction) return
    handOver(turn)
    if (turn.owner === null && turns.get(key) === turn) turns.delete(key)
  }
  const holdTimer = setTimeout(() => {
    req.payload.logger.warn({ msg: `newsroom: a save to ${key} held its turn ${MAX_HOLD_MS} ms; the next save goes ahead` })
    release()
  }, MAX_HOLD_MS)
  holdTimer.unref()
  // The transaction may have ended while this operation waited (a sibling failed and rolled it back).
  whenTransactionEnds(req.payload, id, release)
}

/** The hook form: creates, updates, deletes and version restores of the collection take their turn. */
export const saveTurnHook =
  (key: string): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation === 'create' || operation === 'update' || operation === 'delete' || operation === 'restoreVersion') await takeSaveTurn(req, key)
    return args
  }
