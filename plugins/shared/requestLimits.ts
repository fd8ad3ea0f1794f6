import type { AfterErrorHook, Config, PayloadRequest } from 'payload'

import { Redis } from 'ioredis'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import type { WindowLimit } from '../login-throttle/types'

import { RateLimitedError } from '../login-throttle/errors'
import { formatRateLimitedError } from '../login-throttle/hooks/formatRateLimitedError'
import { BoundedMemoryLimiter } from './memoryLimiter'

export type { WindowLimit } from '../login-throttle/types'

/** A fixed-window limit on some key: `consume` answers the seconds to wait when over it, else undefined. */
export type WindowLimiter = { consume: (key: string) => Promise<number | undefined> }

/**
 * The one way the reader plugins build a rate limiter (rate-limiter-flexible): in Redis when
 * `redis()` gives a client, with this process's memory standing in while Redis is unreachable,
 * else in memory. The limiter is made on first use, so that building the config opens no connection.
 */
export const windowLimiter = ({
  keyPrefix,
  limit,
  redis,
}: {
  keyPrefix: string
  limit: WindowLimit
  redis: () => null | Redis
}): WindowLimiter => {
  let limiter: BoundedMemoryLimiter | RateLimiterRedis | undefined
  const build = () => {
    const options = {
      keyPrefix,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds ?? 0,
    }
    const storeClient = redis()
    return storeClient
      ? new RateLimiterRedis({
          ...options,
          storeClient,
          rejectIfRedisNotReady: true,
          insuranceLimiter: new BoundedMemoryLimiter(options),
        })
      : new BoundedMemoryLimiter(options)
  }
  return {
    consume: async (key) => {
      try {
        await (limiter ??= build()).consume(key)
        return undefined
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error
        return Math.max(1, Math.ceil(error.msBeforeNext / 1000))
      }
    },
  }
}

export type RequestLimitsConfig<Name extends string> = {
  /** A Redis URL or ioredis client shared by every app process; else each process's memory. */
  redis: null | Redis | string
  keyPrefix: string
  limits: Record<Name, WindowLimit>
}

export type RequestLimits<Name extends string> = {
  /** Counts one request against `name`'s limit for `key`; past it, answers 429 with Retry-After. */
  consume: (req: PayloadRequest, name: Name, key: string) => Promise<void>
  close: () => Promise<void>
}

/**
 * Named limits for public writes inside collection operations (reports, inquiries): past one, a
 * RateLimitedError (429 RATE_LIMITED, Retry-After) that withRateLimitedErrors formats.
 */
export const createRequestLimits = <Name extends string>(
  config: RequestLimitsConfig<Name>,
): RequestLimits<Name> => {
  let ownClient: null | Redis = null
  let lastStoreError = 0
  const client = (): null | Redis => {
    if (!config.redis) return null
    if (typeof config.redis !== 'string') return config.redis
    if (!ownClient) {
      ownClient = new Redis(config.redis, { maxRetriesPerRequest: 1 })
      ownClient.on('error', (error: Error) => {
        if (Date.now() - lastStoreError < 60_000) return
        lastStoreError = Date.now()
        console.warn(`${config.keyPrefix}: Redis unreachable, counting in memory: ${error.message}`)
      })
    }
    return ownClient
  }
  const limiters = new Map<Name, WindowLimiter>()
  const limiter = (name: Name): WindowLimiter => {
    let existing = limiters.get(name)
    if (!existing) {
      existing = windowLimiter({
        keyPrefix: `${config.keyPrefix}:${name}`,
        limit: config.limits[name],
        redis: client,
      })
      limiters.set(name, existing)
    }
    return existing
  }
  return {
    consume: async (req, name, key) => {
      const seconds = await limiter(name).consume(key)
      if (seconds === undefined) return
      const headers = new Headers(req.responseHeaders)
      headers.set('Retry-After', String(seconds))
      req.responseHeaders = headers
      throw new RateLimitedError(seconds, req)
    },
    close: async () => {
      if (ownClient) await ownClient.quit()
      ownClient = null
      limiters.clear()
    },
  }
}

/**
 * The config with the 429 `RATE_LIMITED` formatting of login-throttle's errors, once: a plugin
 * that refuses with RateLimitedError works without the login-throttle plugin.
 */
export const withRateLimitedErrors = (config: Config): Config['hooks'] => {
  const afterError: AfterErrorHook[] = config.hooks?.afterError ?? []
  return {
    ...config.hooks,
    afterError: afterError.includes(formatRateLimitedError)
      ? afterError
      : [...afterError, formatRateLimitedError],
  }
}
