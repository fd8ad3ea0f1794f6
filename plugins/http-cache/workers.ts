import type { Cluster, Worker } from 'node:cluster'

import cluster from 'node:cluster'
import crypto from 'node:crypto'

import { purgeMemory } from './cacheState'
import { ignoreChangeToken } from './changeSignal'

/*
 * Several web processes of one server (node:cluster workers) each hold their own memory copy.
 * The change signal (changeSignal.ts) reaches them within a poll; a save must not wait for that,
 * since the next request may go to a sibling. So a worker that saved asks the primary to purge
 * every sibling, and its save returns once they all have.
 */
const READY = 'payload-newsroom:http-cache:ready'
const PURGE = 'payload-newsroom:http-cache:purge'
const PURGED = 'payload-newsroom:http-cache:purged'
const SHARE = 'payload-newsroom:http-cache:share'

type Message = { id?: string; token?: string; topic?: string; type: string; value?: unknown }

// A sibling that never answers (stuck, or exiting) must not keep a purge waiting in the primary.
const RELAY_TIMEOUT_MS = 5000

const isMessage = (message: unknown, type: string): message is Message =>
  typeof message === 'object' && message !== null && (message as Message).type === type

/**
 * For the cluster's primary: passes a worker's purge on to every other worker that holds a memory
 * copy, and answers the worker once they all have purged (or exited).
 */
export const relayHttpCachePurges = (primary: Cluster = cluster): void => {
  const ready = new Set<Worker>()
  const waiting = new Map<string, { origin: Worker; pending: Set<Worker>; timer: NodeJS.Timeout }>()
  const settle = (id: string, isTimedOut = false) => {
    const entry = waiting.get(id)
    if (!entry || (entry.pending.size > 0 && !isTimedOut)) return
    clearTimeout(entry.timer)
    waiting.delete(id)
    if (entry.origin.isConnected()) entry.origin.send({ type: PURGED, id })
  }
  const others = (worker: Worker) => [...ready].filter((other) => other !== worker && other.isConnected())
  primary.on('message', (worker, message: unknown) => {
    if (isMessage(message, READY)) ready.add(worker)
    if (isMessage(message, SHARE)) for (const other of others(worker)) other.send(message)
    if (isMessage(message, PURGE) && typeof message.id === 'string') {
      const id = message.id
      const siblings = others(worker)
      waiting.set(id, { origin: worker, pending: new Set(siblings), timer: setTimeout(() => settle(id, true), RELAY_TIMEOUT_MS) })
      for (const other of siblings) other.send(message)
      settle(id)
    }
    if (isMessage(message, PURGED) && typeof message.id === 'string') {
      waiting.get(message.id)?.pending.delete(worker)
      settle(message.id)
    }
  })
  primary.on('exit', (worker) => {
    ready.delete(worker)
    for (const [id, entry] of waiting) {
      entry.pending.delete(worker)
      settle(id)
    }
  })
}

type WorkerState = {
  /** Purges this worker asked for, by id: what to call when the primary says they are done. */
  answered: Map<string, () => void>
  /** Whether this process is a cluster worker that has told the primary it takes part. */
  isJoined: boolean
  /** What siblings shared, by topic, until something here takes it (a module may load late). */
  shared: Map<string, unknown[]>
  takers: Map<string, Set<(value: unknown) => void>>
}

// On globalThis: Next.js may load this module more than once in one process.
const workerStateKey = Symbol.for('payload-newsroom.http-cache.workers')
const workerState = (): WorkerState => {
  const holder = globalThis as Record<symbol, WorkerState | undefined>
  return (holder[workerStateKey] ??= { answered: new Map(), isJoined: false, shared: new Map(), takers: new Map() })
}

const MAX_SHARED_PER_TOPIC = 1000

/**
 * For a cluster worker (a no-op elsewhere): purges this process's memory copy when a sibling
 * saved, answers its own purges, takes what siblings share, and tells the primary it takes part.
 * Once per process.
 */
export const joinWorkerPurges = (): void => {
  const state = workerState()
  if (!cluster.isWorker || !process.send || state.isJoined) return
  state.isJoined = true
  process.on('message', (message: unknown) => {
    if (isMessage(message, PURGE) && typeof message.id === 'string') {
      purgeMemory()
      // The same change also comes as a change signal: one purge is enough.
      if (typeof message.token === 'string') ignoreChangeToken(message.token)
      process.send?.({ type: PURGED, id: message.id })
    } else if (isMessage(message, PURGED) && typeof message.id === 'string') {
      state.answered.get(message.id)?.()
    } else if (isMessage(message, SHARE) && typeof message.topic === 'string') {
      const takers = state.takers.get(message.topic)
      if (takers?.size) {
        for (const take of takers) take(message.value)
        return
      }
      const kept = state.shared.get(message.topic) ?? []
      kept.push(message.value)
      if (kept.length > MAX_SHARED_PER_TOPIC) kept.shift()
      state.shared.set(message.topic, kept)
    }
  })
  process.send({ type: READY })
}

/**
 * Purges the memory copy of every sibling worker; resolves once they all have, or after
 * `timeoutMs` (a sibling stuck in long work must not hold a save: the change signal still reaches
 * it). `token` is the change signal of the same change, which the siblings then skip. Resolves at
 * once outside a cluster.
 */
export const purgeSiblingWorkers = (token?: string, timeoutMs = 2000): Promise<void> => {
  const state = workerState()
  if (!state.isJoined || !process.send || !process.connected) return Promise.resolve()
  const id = crypto.randomUUID()
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      state.answered.delete(id)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    state.answered.set(id, done)
    process.send!({ type: PURGE, id, token })
  })
}

/** Sends `value` to every sibling worker's taker of `topic` (see `takeFromSiblingWorkers`). */
export const shareWithSiblingWorkers = (topic: string, value: unknown): void => {
  if (workerState().isJoined && process.send && process.connected) process.send({ type: SHARE, topic, value })
}

/** Calls `take` with what sibling workers share under `topic`, including what came before. */
export const takeFromSiblingWorkers = (topic: string, take: (value: unknown) => void): void => {
  const state = workerState()
  const takers = state.takers.get(topic) ?? new Set()
  takers.add(take)
  state.takers.set(topic, takers)
  for (const value of state.shared.get(topic) ?? []) take(value)
  state.shared.delete(topic)
}
