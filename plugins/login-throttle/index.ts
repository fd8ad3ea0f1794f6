import type { CollectionConfig, Config, Payload, Plugin } from 'payload'

import type { LoginThrottleOptions } from './types'

import { sanitizeLoginThrottleOptions } from './defaults'
import { equalizeUnknownLogin } from './hooks/equalizeUnknownLogin'
import { forgetLoginFailures } from './hooks/forgetLoginFailures'
import { forgetUnlockedAccount } from './hooks/forgetUnlockedAccount'
import { formatRateLimitedError } from './hooks/formatRateLimitedError'
import { throttleAuthOperation } from './hooks/throttleAuthOperation'
import { createLoginLimiters } from './limiters'

export type { AuthAttempt, LoginThrottleOptions, ProgressiveDelay, WindowLimit } from './types'
export { clientAddress } from './clientAddress'
export { RATE_LIMITED, RateLimitedError } from './errors'
export { createLoginLimiters, progressiveDelaySeconds } from './limiters'
export type { LoginLimiters } from './limiters'
export { sanitizeLoginThrottleOptions } from './defaults'

/**
 * Throttles password guessing on auth collections: failed logins per client address, per account
 * (clients that signed in to it lately excepted) and growing waits per client and account;
 * forgot-password and reset-password per client, forgot-password per account. Refusals answer
 * 429 with Retry-After (`RATE_LIMITED`) on REST and GraphQL alike. Unknown emails cost a login the
 * same password hash as known ones.
 *
 * Payload's own lockout (`auth.maxLoginAttempts`) locks an account for everyone, its owner
 * included, after failures from anyone: keep it high, as a last resort behind these limits.
 */
export const loginThrottle =
  (options: LoginThrottleOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeLoginThrottleOptions(options)
    if (!config.enabled) return incomingConfig
    let logger: Payload['logger'] | undefined
    const limiters = createLoginLimiters(config, (error) => {
      const message = `login-throttle: Redis unreachable, counting in memory meanwhile: ${error.message}`
      if (logger) logger.warn(message)
      else console.warn(message)
    })
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!collection.auth || (config.collections && !config.collections.includes(collection.slug)))
        return collection
      const hooks = collection.hooks ?? {}
      return {
        ...collection,
        hooks: {
          ...hooks,
          // First, so that a refused attempt costs nothing further.
          beforeOperation: [
            throttleAuthOperation(config, limiters),
            ...(config.equalizeUnknownLogins ? [equalizeUnknownLogin] : []),
            ...(hooks.beforeOperation ?? []),
          ],
          afterLogin: [...(hooks.afterLogin ?? []), forgetLoginFailures(limiters)],
          afterOperation: [...(hooks.afterOperation ?? []), forgetUnlockedAccount(limiters)],
        },
      }
    })
    return {
      ...incomingConfig,
      collections,
      hooks: {
        ...incomingConfig.hooks,
        afterError: [...(incomingConfig.hooks?.afterError ?? []), formatRateLimitedError],
      },
      loggingLevels: {
        RateLimitedError: 'info',
        ...incomingConfig.loggingLevels,
      } as Config['loggingLevels'],
      onInit: async (payload) => {
        logger = payload.logger
        await incomingConfig.onInit?.(payload)
      },
    }
  }
