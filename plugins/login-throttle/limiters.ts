import type { RateLimiterAbstract } from 'rate-limiter-flexible'

import { Redis } from 'ioredis'
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible'

import { BoundedMemoryLimiter } from '../shared/memoryLimiter'

import type {
  AuthAttempt,
  ProgressiveDelay,
  SanitizedLoginThrottleConfig,
  WindowLimit,
} from './types'

/** Seconds the next attempt waits after `failures` consecutive failures (0: none). */
export const progressiveDelaySeconds = (failures: number, delay: ProgressiveDelay): number => {
  if (failures < delay.freeFailures) return 0
  return Math.min(
    delay.firstDelaySeconds * 2 ** (failures - delay.freeFailures),
    delay.maxDelaySeconds,
  )
}

/** A decision to make the client wait: seconds until it may try again. */
export type Refusal = { retryAfterSeconds: number }

export type LoginLimiters = {
  /**
   * Counts an attempt before it runs (so that parallel attempts count too), or refuses it. A login
   * counts as a failure until `loginSucceeded` gives it back.
   */
  admit: (attempt: AuthAttempt) => Promise<Refusal | undefined>
  /** A login that succeeded: its own counts are given back and the client's failures on the account forgotten. */
  loginSucceeded: (attempt: AuthAttempt) => Promise<void>
  /** Forgets an account's failures and waits (an admin unlocked it). */
  forgetAccount: (account: string) => Promise<void>
  /** Closes the Redis connection this opened, if any. */
  close: () => Promise<void>
}

type Limiter = RateLimiterAbstract

const refusalOf = (error: unknown): Refusal => {
  if (error instanceof RateLimiterRes)
    return { retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) }
  throw error
}

/**
 * The limiters behind the login-throttle hooks, in Redis when configured (with each process's
 * memory standing in while Redis is unreachable) or in memory. Created on first use, so that
 * building the config (e.g. `next build`) opens no connection.
 */
export const createLoginLimiters = (
  config: SanitizedLoginThrottleConfig,
  /** Told when the Redis connection fails (the memory limiters answer meanwhile). @default console.warn */
  onStoreError: (error: Error) => void = (error) =>
    console.warn(`login-throttle: Redis: ${error.message}`),
): LoginLimiters => {
  let ownClient: null | Redis = null
  let lastStoreError = 0
  let limiters: ReturnType<typeof build> | undefined

  const limiter = (name: string, limit: WindowLimit): Limiter => {
    const options = {
      keyPrefix: `${config.keyPrefix}:${name}`,
      points: limit.points,
      duration: limit.durationSeconds,
      blockDuration: limit.blockSeconds ?? 0,
    }
    if (!config.redis) return new BoundedMemoryLimiter(options)
    if (typeof config.redis === 'string' && !ownClient) {
      ownClient = new Redis(config.redis, { maxRetriesPerRequest: 1 })
      // ioredis reconnects by itself; one report a minute is enough.
      ownClient.on('error', (error: Error) => {
        if (Date.now() - lastStoreError < 60_000) return
        lastStoreError = Date.now()
        onStoreError(error)
      })
    }
    const storeClient = typeof config.redis === 'string' ? ownClient! : config.redis
    return new RateLimiterRedis({
      ...options,
      storeClient,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new BoundedMemoryLimiter(options),
    })
  }

  const build = () => {
    const delay = config.consecutiveFailures
    return {
      perClient: limiter('client', config.failedLoginsPerClient),
      perAccount: limiter('account', config.failedLoginsPerAccount),
      // Counts one client's consecutive failures on one account; never refuses by itself.
      consecutive: limiter('consecutive', {
        points: Number.MAX_SAFE_INTEGER,
        durationSeconds: delay.forgetAfterSeconds,
      }),
      // Holds the growing waits that `consecutive` decides (block() per wait).
      delay: limiter('delay', { points: 1, durationSeconds: delay.maxDelaySeconds }),
      knownClients: limiter('known', {
        points: 1,
        durationSeconds: Math.max(1, config.rememberClientSeconds),
      }),
      recovery: limiter('recovery', config.recoveryPerClient),
      forgotPerAccount: limiter('forgot', config.forgotPasswordPerAccount),
    }
  }
  const get = () => (limiters ??= build())

  const consume = async (target: Limiter, key: string): Promise<Refusal | undefined> => {
    try {
      await target.consume(key)
      return undefined
    } catch (error) {
      return refusalOf(error)
    }
  }

  const blockedFor = async (target: Limiter, key: string): Promise<Refusal | undefined> => {
    const res = await target.get(key)
    if (!res || res.consumedPoints <= target.points || res.msBeforeNext <= 0) return undefined
    return { retryAfterSeconds: Math.max(1, Math.ceil(res.msBeforeNext / 1000)) }
  }

  const pairKey = (attempt: AuthAttempt) => `${attempt.account}|${attempt.client}`

  const admitLogin = async (
    attempt: AuthAttempt & { account: string },
  ): Promise<Refusal | undefined> => {
    const { perAccount, perClient, consecutive, delay, knownClients } = get()
    const pair = pairKey(attempt)
    // Waiting out a growing delay is checked first, without counting: it is no new guess.
    const waiting = await blockedFor(delay, pair)
    if (waiting) return waiting
    const byClient = await consume(perClient, attempt.client)
    if (byClient) return byClient
    const isKnownClient =
      config.rememberClientSeconds > 0 && (await knownClients.get(pair)) !== null
    if (!isKnownClient) {
      const byAccount = await consume(perAccount, attempt.account)
      if (byAccount) return byAccount
      attempt.countedOnAccount = true
    }
    const failures = (await consecutive.consume(pair)).consumedPoints
    const wait = progressiveDelaySeconds(failures, config.consecutiveFailures)
    // Holds the next attempt, should this one fail; a success lifts it.
    if (wait > 0) await delay.block(pair, wait)
    return undefined
  }

  return {
    admit: async (attempt) => {
      if (attempt.kind === 'login') {
        // Without an email Payload refuses the login (400); it still counts as the client's failure.
        return attempt.account
          ? admitLogin(attempt as AuthAttempt & { account: string })
          : consume(get().perClient, attempt.client)
      }
      const { forgotPerAccount, recovery } = get()
      const byClient = await consume(recovery, attempt.client)
      if (byClient || attempt.kind !== 'forgotPassword' || !attempt.account) return byClient
      return consume(forgotPerAccount, attempt.account)
    },
    loginSucceeded: async (attempt) => {
      if (!attempt.account) return
      const { perAccount, perClient, consecutive, delay, knownClients } = get()
      const pair = pairKey(attempt)
      await Promise.all([
        perClient.reward(attempt.client),
        attempt.countedOnAccount ? perAccount.reward(attempt.account) : undefined,
        consecutive.delete(pair),
        delay.delete(pair),
        config.rememberClientSeconds > 0
          ? knownClients.set(pair, 1, config.rememberClientSeconds)
          : undefined,
      ])
    },
    forgetAccount: async (account) => {
      await get().perAccount.delete(account)
    },
    close: async () => {
      if (ownClient) await ownClient.quit()
      ownClient = null
      limiters = undefined
    },
  }
}
