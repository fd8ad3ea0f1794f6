import { spawnSync } from 'node:child_process'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

import type { CounterStore } from '../shared/counterStore'

import { type RunningRedis, startRedis } from '../../test/helpers/redis'
import { createCounterStore } from '../shared/counterStore'
import { addToMostRead, topViewed } from './counting'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0
const HOUR = 60 * 60 * 1000
// The start of an hour, so that "n hours later" crosses exactly n hour boundaries.
const T0 = Math.floor(Date.UTC(2026, 11, 7, 12) / HOUR) * HOUR

const top = (store: CounterStore, window: '7d' | '24h', section: null | string = null) =>
  topViewed(store, { limit: 10, section, window })

/** Most-read's sliding windows over a store's clock (fake `Date`), the same for both stores. */
const behaves = (name: string, make: () => CounterStore) =>
  describe(`most-read windows on the ${name} store`, () => {
    let store: CounterStore
    beforeAll(() => {
      store = make()
    })
    afterAll(() => store.close())
    afterEach(() => {
      vi.useRealTimers()
    })

    it('counts the views of the window only, and each hour that leaves it once', async () => {
      vi.useFakeTimers({ now: T0, toFake: ['Date'] })
      // Views from before any ranking was asked for: the first ranking builds each window.
      await addToMostRead(store, { at: T0 - 30 * HOUR, id: 1, section: 's1' })
      await addToMostRead(store, { at: T0 - 2 * HOUR, id: 2, section: 's1', views: 2 })
      await addToMostRead(store, { at: T0, id: 3, section: 's2' })
      expect(await top(store, '24h')).toEqual([
        { member: '2', score: 2 },
        { member: '3', score: 1 },
      ])
      expect(await top(store, '7d')).toEqual([
        { member: '2', score: 2 },
        { member: '3', score: 1 },
        { member: '1', score: 1 },
      ])
      expect(await top(store, '24h', 's1')).toEqual([{ member: '2', score: 2 }])

      // Views after the build go into the running totals as they come.
      await addToMostRead(store, { at: T0, id: 1, section: 's1', views: 3 })
      expect(await top(store, '24h')).toEqual([
        { member: '1', score: 3 },
        { member: '2', score: 2 },
        { member: '3', score: 1 },
      ])

      // 23 hours on, the views of T0 − 2 h have left the 24-hour window, not the 7-day one.
      vi.setSystemTime(T0 + 23 * HOUR)
      const later = [await top(store, '24h'), await top(store, '24h')]
      expect(later[0]).toEqual([
        { member: '1', score: 3 },
        { member: '3', score: 1 },
      ])
      expect(later[1]).toEqual(later[0])
      expect(await top(store, '24h', 's1')).toEqual([{ member: '1', score: 3 }])
      expect(await top(store, '7d')).toEqual([
        { member: '1', score: 4 },
        { member: '2', score: 2 },
        { member: '3', score: 1 },
      ])

      // Nine days on, nothing is left in either window.
      vi.setSystemTime(T0 + 9 * 24 * HOUR)
      expect(await top(store, '24h')).toEqual([])
      expect(await top(store, '7d')).toEqual([])
    })
  })

behaves('memory', () => createCounterStore({ keyPrefix: `windows-${Date.now()}` }))

describe.skipIf(!hasRedis)('Redis (skipped: redis-server is not installed)', () => {
  let redis: RunningRedis
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(() => redis?.stop())

  behaves('Redis', () => createCounterStore({ keyPrefix: 'windows', redis: redis.url }))
})
