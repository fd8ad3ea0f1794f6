import type { AfterErrorHook, Config, PayloadRequest } from 'payload'

import { Redis } from 'ioredis'
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import type { WindowLimit } from '../login-throttle/types'

import { clientAddress } from '../login-throttle/clientAddress'
import { RateLimitedError } from '../login-throttle/errors'
import { formatRateLimitedError } from '../login-throttle/hooks/formatRateLimitedError'

export type { WindowLimit } from '../login-throttle/types'

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
 * Fixed-window limits for public writes (reports, inquiries), the login-throttle's way: in Redis
 * when configured, with each process's memory standing in while Redis is unreachable, else in
 * memory; created on first use, so that building the config opens no connection.
 */
export const createRequestLimits = <Name extends string>(
  config: RequestLimitsConfig<Name>,
): RequestLimits<Name> => {
  let ownClient: null | Redis = null
  let lastStoreError = 0
  const limiters = new Map<Name, RateLimiterMemory | RateLimiterRedis>()
  const limiter = (name: Name) => {
    let existing = limiters.get(name)
    if (existing) return existing
    const limit = config.limits[name]
    const options = {
      keyPrefix: `${config.keyPrefix}:${name}`,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds ?? 0,
    }
    if (!config.redis) existing = new RateLimiterMemory(options)
    else {
      if (typeof config.redis === 'string' && !ownClient) {
        ownClient = new Redis(config.redis, { maxRetriesPerRequest: 1 })
        ownClient.on('error', (error: Error) => {
          if (Date.now() - lastStoreError < 60_000) return
          lastStoreError = Date.now()
          console.warn(
            `${config.keyPrefix}: Redis unreachable, counting in memory: ${error.message}`,
          )
        })
      }
      existing = new RateLimiterRedis({
        ...options,
        storeClient: typeof config.redis === 'string' ? ownClient! : config.redis,
        rejectIfRedisNotReady: true,
        insuranceLimiter: new RateLimiterMemory(options),
      })
    }
    limiters.set(name, existing)
    return existing
  }
  return {
    consume: async (req, name, key) => {
      try {
        await limiter(name).consume(key)
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error
        const seconds = Math.max(1, Math.ceil(error.msBeforeNext / 1000))
        const headers = new Headers(req.responseHeaders)
        headers.set('Retry-After', String(seconds))
        req.responseHeaders = headers
        throw new RateLimitedError(seconds, req)
      }
    },
    close: async () => {
      if (ownClient) await ownClient.quit()
      ownClient = null
      limiters.clear()
    },
  }
}

/** The address the limits key a request by (see login-throttle/clientAddress.ts), or 'unknown'. */
export const requestClient = (req: PayloadRequest, trustedProxies: number): string =>
  clientAddress(req.headers, trustedProxies) ?? 'unknown'

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
