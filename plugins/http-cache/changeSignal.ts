import type { Payload } from 'payload'

import crypto from 'node:crypto'

import { purgeMemory } from './cacheState'

/** One entry in Payload's key-value store (the `payload-kv` collection by default): any database. */
const SIGNAL_KEY = 'payload-newsroom:http-cache:last-change'

type Signal = { at: number; token: string }

// Tokens this process wrote: its own changes purged its copy already, and purging again while a
// burst of reads waits on one run of Payload would send every one of them to the database.
const ownTokens = new Set<string>()

/** A change this process has purged for already, by the token its signal carries. */
export const ignoreChangeToken = (token: string): void => {
  ownTokens.add(token)
  if (ownTokens.size > 100) ownTokens.delete(ownTokens.values().next().value!)
}

/**
 * Tells every other process that something public changed: each holds its own memory copy and
 * only sees its own saves. Called once the save has committed, so a process that purges on
 * seeing the new token reads the changed data. A lost signal leaves other processes stale for at
 * most their memory lifetime, so a failure is logged, not thrown at the save.
 */
export const signalChange = async (payload: Payload, token: string = crypto.randomUUID()): Promise<void> => {
  try {
    ignoreChangeToken(token)
    await payload.kv.set(SIGNAL_KEY, { at: Date.now(), token } satisfies Signal)
  } catch (error) {
    payload.logger.warn({ err: error, msg: 'http-cache: could not tell other processes about a change; their memory copies expire on their own' })
  }
}

const watched = new WeakSet<Payload>()

/** Purges this process's memory copy whenever another process has signalled a change. */
export const watchChanges = (payload: Payload, intervalMs: number): void => {
  if (intervalMs <= 0 || watched.has(payload)) return
  let lastSeen: null | string | undefined
  let isReading = false
  const timer = setInterval(() => {
    if (isReading) return
    isReading = true
    payload.kv
      .get<Signal>(SIGNAL_KEY)
      .then((signal) => {
        const token = signal?.token ?? null
        if (lastSeen !== undefined && token !== lastSeen && !(token && ownTokens.has(token))) purgeMemory()
        lastSeen = token
      })
      .catch((error: unknown) => payload.logger.debug({ err: error, msg: 'http-cache: could not read the change signal' }))
      .finally(() => {
        isReading = false
      })
  }, intervalMs)
  // Never what keeps a script or a test process alive.
  timer.unref()
  watched.add(payload)
  const destroy = payload.destroy.bind(payload)
  payload.destroy = async () => {
    clearInterval(timer)
    watched.delete(payload)
    return destroy()
  }
}
