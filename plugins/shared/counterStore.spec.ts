import { spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { CounterStore } from './counterStore'

import { type RunningRedis, startRedis } from '../../test/helpers/redis'
import { createCounterStore } from './counterStore'

const hasRedis = spawnSync('redis-server', ['--version']).status === 0

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The same behaviour from both stores. */
const behaves = (name: string, make: () => CounterStore) =>
  describe(`the ${name} counter store`, () => {
    let store: CounterStore
    beforeAll(() => {
      store = make()
    })
    afterAll(() => store.close())

    it('takes a hash whole, and what is added afterwards waits for the next take', async () => {
      await store.hashIncrement('pending', 'a', 2)
      await store.hashIncrement('pending', 'a', 3)
      await store.hashIncrement('pending', 'b', 1)
      expect(await store.takeHash('pending')).toEqual({ a: 5, b: 1 })
      expect(await store.takeHash('pending')).toEqual({})
      await store.hashIncrement('pending', 'a', 1)
      expect(await store.takeHash('pending')).toEqual({ a: 1 })
    })

    it('sets a flag once until it expires', async () => {
      expect(await store.setIfAbsent('seen', 1)).toBe(true)
      expect(await store.setIfAbsent('seen', 1)).toBe(false)
      await sleep(1_100)
      expect(await store.setIfAbsent('seen', 1)).toBe(true)
    })

    it('sums sorted sets and answers the top members, highest first', async () => {
      await store.sortedIncrement('h1', 'x', 3, 60)
      await store.sortedIncrement('h1', 'y', 1, 60)
      await store.sortedIncrement('h2', 'y', 5, 60)
      await store.sortedIncrement('h2', 'z', 2, 60)
      expect(await store.sortedUnionTop(['h1', 'h2', 'missing'], 2)).toEqual([
        { member: 'y', score: 6 },
        { member: 'x', score: 3 },
      ])
      expect(await store.sortedUnionTop(['missing'], 5)).toEqual([])
    })

    it('counts members seen since a time, dropping older ones', async () => {
      const now = Date.now()
      await store.sortedSet('present', 'old', now - 10_000, 60)
      await store.sortedSet('present', 'a', now, 60)
      await store.sortedSet('present', 'b', now, 60)
      await store.sortedSet('present', 'a', now + 1, 60)
      expect(await store.sortedCountFrom('present', now - 5_000)).toBe(2)
      expect(await store.sortedCountFrom('present', now - 20_000)).toBe(2)
    })

    it('limits per key and says how long to wait', async () => {
      const limiter = store.rateLimiter('test', { points: 2, durationSeconds: 30 })
      expect(await limiter.consume('k')).toBeUndefined()
      expect(await limiter.consume('k')).toBeUndefined()
      const wait = await limiter.consume('k')
      expect(wait).toBeGreaterThan(0)
      expect(wait).toBeLessThanOrEqual(30)
      expect(await limiter.consume('other')).toBeUndefined()
    })
  })

behaves('memory', () => createCounterStore({ keyPrefix: `spec-${Date.now()}` }))

describe.skipIf(!hasRedis)('Redis (skipped: redis-server is not installed)', () => {
  let redis: RunningRedis
  beforeAll(async () => {
    redis = await startRedis()
  })
  afterAll(() => redis?.stop())

  behaves('Redis', () => createCounterStore({ keyPrefix: 'spec', redis: redis.url }))

  it('reuses a cached ranking until it expires', async () => {
    const store = createCounterStore({ keyPrefix: 'cache', redis: redis.url })
    await store.sortedIncrement('h', 'a', 1, 60)
    const cache = { key: 'top', ttlSeconds: 1 }
    expect(await store.sortedUnionTop(['h'], 5, cache)).toEqual([{ member: 'a', score: 1 }])
    await store.sortedIncrement('h', 'b', 5, 60)
    expect(await store.sortedUnionTop(['h'], 5, cache)).toEqual([{ member: 'a', score: 1 }])
    await sleep(1_100)
    expect((await store.sortedUnionTop(['h'], 5, cache))[0]).toEqual({ member: 'b', score: 5 })
    await store.close()
  })

  it('shares counts between two stores on one Redis, as two app processes would', async () => {
    const one = createCounterStore({ keyPrefix: 'shared', redis: redis.url })
    const two = createCounterStore({ keyPrefix: 'shared', redis: redis.url })
    await one.hashIncrement('pending', '7', 1)
    await two.hashIncrement('pending', '7', 1)
    expect(await one.setIfAbsent('flag', 60)).toBe(true)
    expect(await two.setIfAbsent('flag', 60)).toBe(false)
    expect(await two.takeHash('pending')).toEqual({ '7': 2 })
    await Promise.all([one.close(), two.close()])
  })
})
