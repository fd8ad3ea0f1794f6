import type { KVAdapter, KVAdapterResult, KVStoreValue } from 'payload'

import { Redis } from 'ioredis'
import { databaseKVAdapter } from 'payload'

export type RedisKVOptions = {
  /** Namespace of this store's keys, so that one Redis may serve several stores. @default 'payload-kv:' */
  keyPrefix?: string
  /** @default process.env.REDIS_URL */
  redisURL?: string
}

/** Glob characters of a SCAN pattern, escaped so that a prefix matches itself only. */
const globLiteral = (text: string): string => text.replace(/[*?[\]\\]/g, '\\$&')

/**
 * Payload's KV store on Redis, shared by every app process and worker (Payload's default keeps it
 * in the database). Values are JSON, as the database store keeps them. `keys` and `clear` walk the
 * prefix with SCAN, which never blocks Redis the way KEYS does.
 */
export class RedisKVAdapter implements KVAdapter {
  constructor(
    readonly redis: Redis,
    readonly keyPrefix: string,
  ) {}

  private async *prefixedKeys(): AsyncGenerator<string[]> {
    const stream = this.redis.scanStream({ match: `${globLiteral(this.keyPrefix)}*`, count: 500 })
    for await (const batch of stream) yield batch as string[]
  }

  async clear(): Promise<void> {
    for await (const batch of this.prefixedKeys())
      if (batch.length > 0) await this.redis.unlink(...batch)
  }

  async delete(key: string): Promise<void> {
    await this.redis.del(this.keyPrefix + key)
  }

  async get<T extends KVStoreValue>(key: string): Promise<null | T> {
    const raw = await this.redis.get(this.keyPrefix + key)
    return raw === null ? null : (JSON.parse(raw) as T)
  }

  async has(key: string): Promise<boolean> {
    return (await this.redis.exists(this.keyPrefix + key)) === 1
  }

  async keys(): Promise<string[]> {
    // SCAN may return a key twice (while Redis rehashes): report each once.
    const keys = new Set<string>()
    for await (const batch of this.prefixedKeys())
      for (const key of batch) keys.add(key.slice(this.keyPrefix.length))
    return [...keys]
  }

  async set(key: string, value: KVStoreValue): Promise<void> {
    await this.redis.set(this.keyPrefix + key, JSON.stringify(value))
  }
}

/**
 * `kv: redisKVAdapter()` in a Payload config. The `payload-kv` collection of Payload's database
 * store stays declared (unused), so the schema, its migrations and the generated types are the same
 * whichever store is configured.
 */
export const redisKVAdapter = (options: RedisKVOptions = {}): KVAdapterResult => ({
  init: ({ payload }) => {
    const url = options.redisURL ?? process.env.REDIS_URL
    if (!url) throw new Error('redisKVAdapter needs a Redis URL (REDIS_URL)')
    const redis = new Redis(url)
    // ioredis reconnects by itself and queues commands meanwhile: report an outage once, not every retry.
    let isDown = false
    redis.on('error', (error: Error) => {
      if (isDown) return
      isDown = true
      payload.logger.warn({
        err: error,
        msg: 'KV store: Redis is unreachable; commands wait for it to come back',
      })
    })
    redis.on('ready', () => (isDown = false))
    return new RedisKVAdapter(redis, options.keyPrefix ?? 'payload-kv:')
  },
  kvCollection: databaseKVAdapter().kvCollection,
})
