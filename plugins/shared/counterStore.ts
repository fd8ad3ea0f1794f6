import type { Config, Payload } from 'payload'

import { Redis } from 'ioredis'

import { type WindowLimiter, windowLimiter } from './requestLimits'

/** A member of a sorted set and its score. */
export type ScoredMember = { member: string; score: number }

/**
 * The few operations the reader counters need (votes' limits, views, most-read, visitors), on
 * Redis when configured — shared by every app process and worker — or in this process's memory
 * (the embedded single-process default). Keys are namespaced by the store's prefix.
 */
export type CounterStore = {
  readonly kind: 'memory' | 'redis'
  /** Adds `by` to `field` of the hash at `key`. */
  hashIncrement: (key: string, field: string, by: number) => Promise<void>
  /** Reads the hash at `key` and removes it, in one step: what a later increment adds is not lost. */
  takeHash: (key: string) => Promise<Record<string, number>>
  /** Sets `key` for `ttlSeconds` unless it is set: true when this call set it (de-duplication). */
  setIfAbsent: (key: string, ttlSeconds: number) => Promise<boolean>
  /**
   * Adds `by` to `member`'s score in each sorted set at `keys`, in one step (one round trip on
   * Redis); each expires `ttlSeconds` after its last change.
   */
  sortedIncrementAll: (
    keys: readonly string[],
    member: string,
    by: number,
    ttlSeconds: number,
  ) => Promise<void>
  /** The `limit` highest-scored members of the sorted set at `key`, highest first. */
  sortedTop: (key: string, limit: number) => Promise<ScoredMember[]>
  /** The number kept at `markKey` (a sliding window's last rolled step), or null. */
  markOf: (markKey: string) => Promise<null | number>
  /**
   * A sliding window's step, once: unless `markKey` already holds `mark` or more, subtracts the
   * sorted set at `sourceKey` from the one at `key` (members left at 0 or less go) and sets the
   * mark, in one atomic step — processes that roll the same window at once subtract it once.
   * Answers false when there was nothing to do; with no mark at all it does nothing (rebuild first).
   */
  sortedSubtractOnce: (
    key: string,
    sourceKey: string,
    markKey: string,
    mark: number,
    ttlSeconds: number,
  ) => Promise<boolean>
  /**
   * Unless `markKey` already holds `mark` or more: the sorted set at `key` becomes the union
   * (scores summed) of those at `sourceKeys`, and the mark is set, in one atomic step.
   */
  sortedRebuildOnce: (
    key: string,
    sourceKeys: readonly string[],
    markKey: string,
    mark: number,
    ttlSeconds: number,
  ) => Promise<boolean>
  /** Sets `member`'s score in the sorted set at `key` (presence: the time last seen). */
  sortedSet: (key: string, member: string, score: number, ttlSeconds: number) => Promise<void>
  /** How many members of the sorted set at `key` score at least `min`; older ones are removed first. */
  sortedCountFrom: (key: string, min: number) => Promise<number>
  /**
   * A limiter of `points` per `durationSeconds` per key: `consume` answers the seconds to wait
   * when over the limit, else undefined.
   */
  rateLimiter: (name: string, limit: { durationSeconds: number; points: number }) => WindowLimiter
  /** Closes the Redis connection this store opened, if any. */
  close: () => Promise<void>
}

export type CounterStoreOptions = {
  /** A Redis URL or an ioredis client; none: this process's memory. */
  redis?: null | Redis | string
  /** Namespace of the store's keys. */
  keyPrefix: string
  /** Told when Redis fails (limits fall back to memory meanwhile). @default console.warn */
  onError?: (error: Error) => void
}

/** `REDIS_URL` when set, else null (memory). */
export const redisFromEnvironment = (): null | string => process.env.REDIS_URL?.trim() || null

// ---- memory --------------------------------------------------------------------------------

/**
 * The `limit` highest-scored members, highest first, in one pass (no sort of the whole set); ties
 * in Redis's ZREVRANGE order (members in reverse byte order), so both stores answer alike.
 */
const topOf = (set: Map<string, number> | undefined, limit: number): ScoredMember[] => {
  const top: ScoredMember[] = []
  const isAbove = (a: ScoredMember, b: ScoredMember) =>
    a.score > b.score || (a.score === b.score && a.member > b.member)
  for (const [member, score] of set ?? []) {
    const entry = { member, score }
    if (top.length === limit && !isAbove(entry, top[top.length - 1]!)) continue
    let index = top.length
    while (index > 0 && isAbove(entry, top[index - 1]!)) index--
    top.splice(index, 0, entry)
    if (top.length > limit) top.pop()
  }
  return top
}

type Expiring<T> = { expiresAt: number; value: T }

const memoryStore = (prefix: string): CounterStore => {
  const hashes = new Map<string, Map<string, number>>()
  const flags = new Map<string, number>()
  const marks = new Map<string, Expiring<number>>()
  const sorted = new Map<string, Expiring<Map<string, number>>>()
  let lastSweep = Date.now()

  // Expired entries go on the next write after a minute: a long-running process keeps no stale keys.
  const sweep = () => {
    const now = Date.now()
    if (now - lastSweep < 60_000) return
    lastSweep = now
    for (const [key, expiresAt] of flags) if (expiresAt <= now) flags.delete(key)
    for (const [key, entry] of sorted) if (entry.expiresAt <= now) sorted.delete(key)
    for (const [key, entry] of marks) if (entry.expiresAt <= now) marks.delete(key)
  }
  const liveMark = (markKey: string): null | number => {
    const entry = marks.get(prefix + markKey)
    return entry && entry.expiresAt > Date.now() ? entry.value : null
  }
  const setMark = (markKey: string, mark: number, ttlSeconds: number) =>
    marks.set(prefix + markKey, { expiresAt: Date.now() + ttlSeconds * 1000, value: mark })
  const liveSet = (key: string): Map<string, number> | undefined => {
    const entry = sorted.get(prefix + key)
    if (!entry) return undefined
    if (entry.expiresAt > Date.now()) return entry.value
    sorted.delete(prefix + key)
    return undefined
  }
  const touchSet = (key: string, ttlSeconds: number): Map<string, number> => {
    const existing = liveSet(key)
    const value = existing ?? new Map<string, number>()
    sorted.set(prefix + key, { expiresAt: Date.now() + ttlSeconds * 1000, value })
    return value
  }

  return {
    kind: 'memory',
    hashIncrement: async (key, field, by) => {
      const hash = hashes.get(prefix + key) ?? new Map<string, number>()
      hash.set(field, (hash.get(field) ?? 0) + by)
      hashes.set(prefix + key, hash)
    },
    takeHash: async (key) => {
      const hash = hashes.get(prefix + key)
      hashes.delete(prefix + key)
      return Object.fromEntries(hash ?? [])
    },
    setIfAbsent: async (key, ttlSeconds) => {
      sweep()
      const expiresAt = flags.get(prefix + key)
      if (expiresAt !== undefined && expiresAt > Date.now()) return false
      flags.set(prefix + key, Date.now() + ttlSeconds * 1000)
      return true
    },
    sortedIncrementAll: async (keys, member, by, ttlSeconds) => {
      sweep()
      for (const key of keys) {
        const set = touchSet(key, ttlSeconds)
        set.set(member, (set.get(member) ?? 0) + by)
      }
    },
    sortedTop: async (key, limit) => topOf(liveSet(key), limit),
    markOf: async (markKey) => liveMark(markKey),
    // No await inside: each runs whole before any other call of this process, so it is atomic.
    sortedSubtractOnce: async (key, sourceKey, markKey, mark, ttlSeconds) => {
      const current = liveMark(markKey)
      if (current === null || current >= mark) return false
      const source = liveSet(sourceKey)
      const target = liveSet(key)
      if (source && target)
        for (const [member, score] of source) {
          const left = (target.get(member) ?? 0) - score
          if (left > 0) target.set(member, left)
          else target.delete(member)
        }
      setMark(markKey, mark, ttlSeconds)
      return true
    },
    sortedRebuildOnce: async (key, sourceKeys, markKey, mark, ttlSeconds) => {
      const current = liveMark(markKey)
      if (current !== null && current >= mark) return false
      const union = new Map<string, number>()
      for (const sourceKey of sourceKeys)
        for (const [member, score] of liveSet(sourceKey) ?? [])
          union.set(member, (union.get(member) ?? 0) + score)
      sorted.set(prefix + key, { expiresAt: Date.now() + ttlSeconds * 1000, value: union })
      setMark(markKey, mark, ttlSeconds)
      return true
    },
    sortedSet: async (key, member, score, ttlSeconds) => {
      sweep()
      touchSet(key, ttlSeconds).set(member, score)
    },
    sortedCountFrom: async (key, min) => {
      const set = liveSet(key)
      if (!set) return 0
      for (const [member, score] of set) if (score < min) set.delete(member)
      return set.size
    },
    rateLimiter: (name, limit) =>
      windowLimiter({ keyPrefix: `${prefix}rl:${name}`, limit, redis: () => null }),
    close: async () => undefined,
  }
}

// ---- Redis ---------------------------------------------------------------------------------

// Scripts run atomically in Redis: the mark's check and the change it guards are one step.
// KEYS: target, source, mark; ARGV: mark, ttl. Member by member of the source: a ZUNIONSTORE
// with weights 1, -1 rewrites the whole target — at 100k articles ~200 ms of Redis, every client
// waiting, per hour and window, and seconds for a window rolled after hours unasked.
const SUBTRACT_ONCE = `
local mark = redis.call('GET', KEYS[3])
if not mark or tonumber(mark) >= tonumber(ARGV[1]) then return 0 end
local leaving = redis.call('ZRANGE', KEYS[2], 0, -1, 'WITHSCORES')
for index = 1, #leaving, 2 do
  local left = redis.call('ZINCRBY', KEYS[1], -tonumber(leaving[index + 1]), leaving[index])
  if tonumber(left) <= 0 then redis.call('ZREM', KEYS[1], leaving[index]) end
end
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('SET', KEYS[3], ARGV[1], 'EX', ARGV[2])
return 1`
// KEYS: target, mark, sources…; ARGV: mark, ttl.
const REBUILD_ONCE = `
local mark = redis.call('GET', KEYS[2])
if mark and tonumber(mark) >= tonumber(ARGV[1]) then return 0 end
if #KEYS > 2 then
  redis.call('ZUNIONSTORE', KEYS[1], #KEYS - 2, unpack(KEYS, 3))
  redis.call('EXPIRE', KEYS[1], ARGV[2])
else
  redis.call('DEL', KEYS[1])
end
redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
return 1`

const redisStore = (
  option: Redis | string,
  prefix: string,
  onError: (error: Error) => void,
): CounterStore => {
  let own: null | Redis = null
  let lastError = 0
  // Opened on first use, so that building the config (e.g. `next build`) opens no connection.
  const client = (): Redis => {
    if (typeof option !== 'string') return option
    if (!own) {
      own = new Redis(option, { maxRetriesPerRequest: 1 })
      own.on('error', (error: Error) => {
        // ioredis reconnects by itself; one report a minute is enough.
        if (Date.now() - lastError < 60_000) return
        lastError = Date.now()
        onError(error)
      })
    }
    return own
  }
  const k = (key: string) => prefix + key

  return {
    kind: 'redis',
    hashIncrement: async (key, field, by) => {
      await client().hincrby(k(key), field, by)
    },
    takeHash: async (key) => {
      // MULTI: nothing lands between the read and the removal.
      const results = await client().multi().hgetall(k(key)).del(k(key)).exec()
      const [error, hash] = results?.[0] ?? [null, {}]
      if (error) throw error
      return Object.fromEntries(
        Object.entries((hash ?? {}) as Record<string, string>).map(([field, value]) => [
          field,
          Number(value),
        ]),
      )
    },
    setIfAbsent: async (key, ttlSeconds) =>
      (await client().set(k(key), '1', 'EX', Math.max(1, Math.ceil(ttlSeconds)), 'NX')) === 'OK',
    sortedIncrementAll: async (keys, member, by, ttlSeconds) => {
      const ttl = Math.max(1, Math.ceil(ttlSeconds))
      const multi = client().multi()
      for (const key of keys) multi.zincrby(k(key), by, member).expire(k(key), ttl)
      await multi.exec()
    },
    sortedTop: async (key, limit) => {
      const flat = await client().zrevrange(k(key), 0, Math.max(0, limit - 1), 'WITHSCORES')
      const top: ScoredMember[] = []
      for (let index = 0; index < flat.length; index += 2)
        top.push({ member: flat[index]!, score: Number(flat[index + 1]) })
      return top
    },
    markOf: async (markKey) => {
      const value = await client().get(k(markKey))
      return value === null ? null : Number(value)
    },
    sortedSubtractOnce: async (key, sourceKey, markKey, mark, ttlSeconds) =>
      (await client().eval(
        SUBTRACT_ONCE,
        3,
        k(key),
        k(sourceKey),
        k(markKey),
        mark,
        Math.max(1, Math.ceil(ttlSeconds)),
      )) === 1,
    sortedRebuildOnce: async (key, sourceKeys, markKey, mark, ttlSeconds) =>
      (await client().eval(
        REBUILD_ONCE,
        2 + sourceKeys.length,
        k(key),
        k(markKey),
        ...sourceKeys.map(k),
        mark,
        Math.max(1, Math.ceil(ttlSeconds)),
      )) === 1,
    sortedSet: async (key, member, score, ttlSeconds) => {
      await client()
        .multi()
        .zadd(k(key), score, member)
        .expire(k(key), Math.max(1, Math.ceil(ttlSeconds)))
        .exec()
    },
    sortedCountFrom: async (key, min) => {
      const results = await client()
        .multi()
        .zremrangebyscore(k(key), '-inf', `(${min}`)
        .zcard(k(key))
        .exec()
      return Number(results?.[1]?.[1] ?? 0)
    },
    // Each process's memory counts while Redis is unreachable (see windowLimiter).
    rateLimiter: (name, limit) =>
      windowLimiter({ keyPrefix: `${prefix}rl:${name}`, limit, redis: client }),
    close: async () => {
      if (own) await own.quit()
      own = null
    },
  }
}

/** A counter store on Redis when `redis` is given, else in this process's memory. */
export const createCounterStore = ({
  keyPrefix,
  onError = (error) => console.warn(`counter store: Redis: ${error.message}`),
  redis,
}: CounterStoreOptions): CounterStore => {
  const prefix = keyPrefix.endsWith(':') ? keyPrefix : `${keyPrefix}:`
  return redis ? redisStore(redis, prefix, onError) : memoryStore(prefix)
}

/**
 * A plugin's counter store whose Redis failures go to Payload's logger once it is up (the console
 * before), and the `onInit` (chaining the config's own) that hands it the logger.
 */
export const pluginCounterStore = (
  plugin: string,
  options: Pick<CounterStoreOptions, 'keyPrefix' | 'redis'>,
  incomingConfig: Pick<Config, 'onInit'>,
): { onInit: NonNullable<Config['onInit']>; store: CounterStore } => {
  let logger: Payload['logger'] | undefined
  const store = createCounterStore({
    ...options,
    onError: (error) => {
      const message = `${plugin}: Redis unreachable: ${error.message}`
      if (logger) logger.warn(message)
      else console.warn(message)
    },
  })
  return {
    store,
    onInit: async (payload) => {
      logger = payload.logger
      await incomingConfig.onInit?.(payload)
    },
  }
}
