import type { Payload } from 'payload'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningRedis } from '../helpers/redis'

import { RedisKVAdapter, redisKVAdapter } from '../../src/kv'
import { bootPayload } from '../helpers/payload'
import { startRedis } from '../helpers/redis'

// Payload's KV store on a real redis-server, as the app processes and workers share it.

let redis: RunningRedis
let payload: Payload
/** Another process's view of the same store: its own connection, the same prefix. */
let other: RedisKVAdapter
/** A second store on the same Redis, under a prefix that, read as a SCAN pattern, would match the first's keys. */
let neighbour: RedisKVAdapter
let raw: Redis

beforeAll(async () => {
  redis = await startRedis()
  payload = await bootPayload('kv', {
    configure: (config) => ({ ...config, kv: redisKVAdapter({ redisURL: redis.url }) }),
  })
  other = new RedisKVAdapter(new Redis(redis.url), 'payload-kv:')
  neighbour = new RedisKVAdapter(new Redis(redis.url), 'payload-*:')
  raw = new Redis(redis.url)
})

afterAll(async () => {
  await payload?.destroy()
  for (const store of [payload?.kv, other, neighbour])
    if (store instanceof RedisKVAdapter) store.redis.disconnect()
  raw?.disconnect()
  await redis?.stop()
})

describe('Redis KV adapter', () => {
  it('is the store Payload uses, and keeps the payload-kv collection so the schema does not change', () => {
    expect(payload.kv).toBeInstanceOf(RedisKVAdapter)
    expect(payload.collections['payload-kv']).toBeDefined()
  })

  it('stores JSON values in Redis, where another process reads them', async () => {
    const value = { at: '2020-04-17T13:33:00+09:00', ids: [1, 2], nested: { label: '충남홍성군' } }
    await payload.kv.set('article:1', value)
    expect(await payload.kv.get('article:1')).toEqual(value)
    expect(await other.get('article:1')).toEqual(value)
    expect(JSON.parse((await raw.get('payload-kv:article:1'))!)).toEqual(value)
  })

  it('answers null and false for a missing key, and forgets a deleted one everywhere', async () => {
    expect(await payload.kv.get('missing')).toBeNull()
    expect(await payload.kv.has('missing')).toBe(false)
    await other.set('gone', 'soon')
    expect(await payload.kv.has('gone')).toBe(true)
    await payload.kv.delete('gone')
    expect(await other.has('gone')).toBe(false)
    expect(await other.get('gone')).toBeNull()
  })

  it('lists and clears only its own keys, whatever the prefixes contain', async () => {
    await payload.kv.clear()
    for (let i = 0; i < 1200; i++) await payload.kv.set(`many:${i}`, i)
    await neighbour.set('kept', true)
    await raw.set('unrelated', 'x')

    const keys = await payload.kv.keys()
    expect(keys).toHaveLength(1200)
    expect(new Set(keys)).toEqual(new Set(Array.from({ length: 1200 }, (_, i) => `many:${i}`)))
    expect(await neighbour.keys()).toEqual(['kept'])

    await payload.kv.clear()
    expect(await payload.kv.keys()).toEqual([])
    expect(await neighbour.get('kept')).toBe(true)
    expect(await raw.get('unrelated')).toBe('x')

    await payload.kv.set('stays', 1)
    await neighbour.clear()
    expect(await payload.kv.get('stays')).toBe(1)
    expect(await neighbour.keys()).toEqual([])
  })
})
