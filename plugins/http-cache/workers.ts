import type { Cluster, Worker } from 'node:cluster'

import cluster from 'node:cluster'
import crypto from 'node:crypto'

import { purgeMemory } from './cacheState'

/*
 * Several web processes of one server (node:cluster workers) each hold their own memory copy.
 * The change signal (changeSignal.ts) reaches them within a poll; a save must not wait for that,
 * since the next request may go to a sibling. So a worker that saved asks the primary to purge
 * every sibling, and its save returns once they all have.
 */
const READY = 'payload-newsroom:http-cache:ready'
const PURGE = 'payload-newsroom:http-cache:purge'
const PURGED = 'payload-newsroom:http-cache:purged'

type Message = { id?: string; type: string }

const isMessage = (message: unknown, type: string): message is Message =>
  typeof message === 'object' && message !== null && (message as Message).type === type

/**
 * For the cluster's primary: passes a worker's purge on to every other worker that holds a memory
 * copy, and answers the worker once they all have purged (or exited).
 */
export const relayHttpCachePurges = (primary: Cluster = cluster): void => {
  const ready = new Set<Worker>()
  const waiting = new Map<string, { origin: Worker; pending: Set<Worker> }>()
  const settle = (id: string) => {
    const entry = waiting.get(id)
    if (!entry || entry.pending.size > 0) return
    waiting.delete(id)
    if (entry.origin.isConnected()) entry.origin.send({ type: PURGED, id })
  }
  primary.on('message', (worker, message: unknown) => {
    if (isMessage(message, READY)) ready.add(worker)
    if (!isMessage(message, PURGE) || typeof message.id !== 'string') return
    const others = [...ready].filter((other) => other !== worker && other.isConnected())
    waiting.set(message.id, { origin: worker, pending: new Set(others) })
    for (const other of others) other.send({ type: PURGE, id: message.id })
    settle(message.id)
  })
  primary.on('message', (worker, message: unknown) => {
    if (!isMessage(message, PURGED) || typeof message.id !== 'string') return
    waiting.get(message.id)?.pending.delete(worker)
    settle(message.id)
  })
  primary.on('exit', (worker) => {
    ready.delete(worker)
    for (const [id, entry] of waiting) {
      entry.pending.delete(worker)
      settle(id)
    }
  })
}

const answered = new Map<string, () => void>()
const listening = Symbol.for('payload-newsroom.http-cache.workers')

/**
 * For a cluster worker (a no-op elsewhere): purges this process's memory copy when a sibling
 * saved, answers its own purges, and tells the primary it takes part. Once per process.
 */
export const joinWorkerPurges = (): void => {
  const holder = globalThis as Record<symbol, unknown>
  if (!cluster.isWorker || !process.send || holder[listening]) return
  holder[listening] = true
  process.on('message', (message: unknown) => {
    if (isMessage(message, PURGE) && typeof message.id === 'string') {
      purgeMemory()
      process.send?.({ type: PURGED, id: message.id })
    } else if (isMessage(message, PURGED) && typeof message.id === 'string') {
      answered.get(message.id)?.()
    }
  })
  process.send({ type: READY })
}

/**
 * Purges the memory copy of every sibling worker; resolves once they all have, or after
 * `timeoutMs` (a sibling stuck in long work must not hold a save: the change signal still reaches
 * it). Resolves at once outside a cluster.
 */
export const purgeSiblingWorkers = (timeoutMs = 2000): Promise<void> => {
  const holder = globalThis as Record<symbol, unknown>
  if (!cluster.isWorker || !process.send || !process.connected || !holder[listening]) return Promise.resolve()
  const id = crypto.randomUUID()
  return new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer)
      answered.delete(id)
      resolve()
    }
    const timer = setTimeout(done, timeoutMs)
    answered.set(id, done)
    process.send!({ type: PURGE, id })
  })
}
