import { afterEach, describe, expect, it } from 'vitest'

import { sanitizeHttpCacheOptions } from './defaults'

const variables = ['NEWSROOM_CACHE_MEMORY_MS', 'NEWSROOM_CACHE_POPULATED_MS', 'NEWSROOM_CACHE_SIGNAL_MS'] as const
const saved = Object.fromEntries(variables.map((name) => [name, process.env[name]]))

describe('how long populated documents are reused', () => {
  afterEach(() => {
    for (const name of variables) {
      if (saved[name] === undefined) delete process.env[name]
      else process.env[name] = saved[name]
    }
  })

  it('is a minute while changes reach every process, longer than the response copies', () => {
    for (const name of variables) delete process.env[name]
    const config = sanitizeHttpCacheOptions()
    expect(config.changeSignalMs).toBe(250)
    expect(config.memoryTtlMs).toBe(2000)
    expect(config.populatedTtlMs).toBe(60_000)
  })

  it('is no longer than the response copies when other processes are not told of changes', () => {
    for (const name of variables) delete process.env[name]
    expect(sanitizeHttpCacheOptions({ changeSignalMs: 0 }).populatedTtlMs).toBe(2000)
    process.env.NEWSROOM_CACHE_SIGNAL_MS = '0'
    process.env.NEWSROOM_CACHE_MEMORY_MS = '500'
    expect(sanitizeHttpCacheOptions().populatedTtlMs).toBe(500)
  })

  it('is what the environment or the options say', () => {
    process.env.NEWSROOM_CACHE_POPULATED_MS = '7000'
    expect(sanitizeHttpCacheOptions().populatedTtlMs).toBe(7000)
    expect(sanitizeHttpCacheOptions({ populatedTtlMs: 0 }).populatedTtlMs).toBe(0)
  })
})
