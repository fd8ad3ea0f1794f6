import type { LoginThrottleOptions, SanitizedLoginThrottleConfig } from './types'

export const trustedProxiesFromEnvironment = (): number => {
  const value = Number(process.env.NEWSROOM_TRUSTED_PROXIES ?? 0)
  return Number.isInteger(value) && value >= 0 ? value : 0
}

export const sanitizeLoginThrottleOptions = (
  options: LoginThrottleOptions = {},
): SanitizedLoginThrottleConfig => ({
  collections: options.collections ?? null,
  enabled: options.enabled ?? true,
  redis: options.redis ?? (process.env.REDIS_URL?.trim() || null),
  keyPrefix: options.keyPrefix ?? 'login-throttle',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  failedLoginsPerClient: options.failedLoginsPerClient ?? {
    points: 30,
    durationSeconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
  failedLoginsPerAccount: options.failedLoginsPerAccount ?? {
    points: 50,
    durationSeconds: 15 * 60,
  },
  consecutiveFailures: options.consecutiveFailures ?? {
    freeFailures: 5,
    firstDelaySeconds: 15,
    maxDelaySeconds: 60 * 60,
    forgetAfterSeconds: 24 * 60 * 60,
  },
  rememberClientSeconds: options.rememberClientSeconds ?? 30 * 24 * 60 * 60,
  recoveryPerClient: options.recoveryPerClient ?? {
    points: 10,
    durationSeconds: 15 * 60,
    blockSeconds: 15 * 60,
  },
  forgotPasswordPerAccount: options.forgotPasswordPerAccount ?? {
    points: 5,
    durationSeconds: 60 * 60,
  },
  equalizeUnknownLogins: options.equalizeUnknownLogins ?? true,
})
