import { Redis } from 'ioredis'
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

    it('answers the top members of a sorted set, highest first, ties as Redis orders them', async () => {
      await store.sortedIncrementAll(['top', 'top-copy'], 'x', 3, 60)
      await store.sortedIncrementAll(['top'], 'y', 5, 60)
      await store.sortedIncrementAll(['top'], 'a', 3, 60)
      await store.sortedIncrementAll(['top'], 'z', 1, 60)
      expect(await store.sortedTop('top', 3)).toEqual([
        { member: 'y', score: 5 },
        { member: 'x', score: 3 },
        { member: 'a', score: 3 },
      ])
      expect(await store.sortedTop('top-copy', 5)).toEqual([{ member: 'x', score: 3 }])
      expect(await store.sortedTop('missing', 5)).toEqual([])
    })

    it('keeps a sliding window: rebuilt once from its buckets, each old bucket subtracted once', async () => {
      await store.sortedIncrementAll(['b1'], 'x', 3, 60)
      await store.sortedIncrementAll(['b1'], 'y', 1, 60)
      await store.sortedIncrementAll(['b2'], 'y', 5, 60)
      await store.sortedIncrementAll(['b2'], 'z', 2, 60)
      // No mark yet: nothing to subtract from.
      expect(await store.sortedSubtractOnce('win', 'b1', 'win:out', 1, 60)).toBe(false)
      expect(await store.sortedRebuildOnce('win', ['b1', 'b2', 'gone'], 'win:out', 0, 60)).toBe(
        true,
      )
      expect(await store.sortedRebuildOnce('win', ['b2'], 'win:out', 0, 60)).toBe(false)
      expect(await store.markOf('win:out')).toBe(0)
      expect(await store.sortedTop('win', 5)).toEqual([
        { member: 'y', score: 6 },
        { member: 'x', score: 3 },
        { member: 'z', score: 2 },
      ])
      // Bucket 1 leaves the window: subtracted once, members left at 0 go.
      expect(await store.sortedSubtractOnce('win', 'b1', 'win:out', 1, 60)).toBe(true)
      expect(await store.sortedSubtractOnce('win', 'b1', 'win:out', 1, 60)).toBe(false)
      expect(await store.markOf('win:out')).toBe(1)
      expect(await store.sortedTop('win', 5)).toEqual([
        { member: 'y', score: 5 },
        { member: 'z', score: 2 },
      ])
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

  it('subtracts a bucket once when two processes roll the same window at the same moment', async () => {
    const [one, two] = [
      createCounterStore({ keyPrefix: 'roll', redis: redis.url }),
      createCounterStore({ keyPrefix: 'roll', redis: redis.url }),
    ]
    await one.sortedIncrementAll(['old', 'win'], 'a', 4, 60)
    await two.sortedIncrementAll(['new', 'win'], 'a', 1, 60)
    await one.sortedRebuildOnce('win', ['old', 'new'], 'win:out', 0, 60)
    const applied = await Promise.all(
      [one, two, one, two].map((store) => store.sortedSubtractOnce('win', 'old', 'win:out', 1, 60)),
    )
    expect(applied.filter(Boolean)).toHaveLength(1)
    expect(await two.sortedTop('win', 5)).toEqual([{ member: 'a', score: 1 }])
    await Promise.all([one.close(), two.close()])
  })

  it("rolls a window by the leaving hour's members, not by rewriting the whole total", async () => {
    // At 100k articles a rewrite (ZUNIONSTORE) of the total held Redis ~200 ms per hour rolled
    // (docs/benchmarks.md, "Reader counters"): the work must follow the hour's few members.
    const store = createCounterStore({ keyPrefix: 'big', redis: redis.url })
    const client = new Redis(redis.url)
    const many = Array.from({ length: 500 }, (_, index) => `m${index}`)
    await client.zadd('big:win', ...many.flatMap((member) => [2, member]))
    await store.sortedIncrementAll(['old'], 'm1', 2, 60)
    await store.sortedIncrementAll(['old'], 'm2', 1, 60)
    // Only the mark (a rebuild of another, empty key): the total stays the one made above.
    await store.sortedRebuildOnce('unused', [], 'win:out', 0, 60)
    await client.config('RESETSTAT')
    expect(await store.sortedSubtractOnce('win', 'old', 'win:out', 1, 60)).toBe(true)
    const stats = await client.info('commandstats')
    const calls = (command: string) =>
      Number(new RegExp(`cmdstat_${command}:calls=(\\d+)`).exec(stats)?.[1] ?? 0)
    expect(calls('zunionstore')).toBe(0)
    expect(calls('zincrby')).toBe(2)
    expect(await client.zcard('big:win')).toBe(499)
    expect(await client.zscore('big:win', 'm2')).toBe('1')
    expect(await client.ttl('big:win')).toBeGreaterThan(0)
    client.disconnect()
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
