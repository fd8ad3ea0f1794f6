import type { CollectionBeforeOperationHook } from 'payload'

import type { LoginLimiters } from '../limiters'
import type { AuthAttempt, SanitizedLoginThrottleConfig } from '../types'

import { clientAddress } from '../clientAddress'
import { RateLimitedError } from '../errors'

/** Where the admitted login waits for afterLogin (forgetLoginFailures). */
export const ADMITTED_LOGIN = 'loginThrottleAttempt'

const throttled = new Set(['forgotPassword', 'login', 'resetPassword'])

/** `<collection>:<email or username>` as Payload looks the account up (lower case, trimmed). */
export const accountKey = (
  collection: string,
  data: Record<string, unknown> | undefined,
): string | undefined => {
  const name = typeof data?.email === 'string' && data.email.trim() ? data.email : data?.username
  return typeof name === 'string' && name.trim()
    ? `${collection}:${name.toLowerCase().trim()}`
    : undefined
}

/**
 * Counts a login, forgot-password or reset-password request against the client's and the account's
 * limits before Payload runs it, on every path (REST, GraphQL, the admin's login form), and answers
 * 429 with Retry-After when one is spent. Local API calls (server code, the seed) are not throttled.
 */
export const throttleAuthOperation =
  (config: SanitizedLoginThrottleConfig, limiters: LoginLimiters): CollectionBeforeOperationHook =>
  async ({ args, collection, operation, req }) => {
    if (!throttled.has(operation) || req.payloadAPI === 'local') return args
    const data = (args as { data?: Record<string, unknown> }).data
    const attempt: AuthAttempt = {
      kind: operation as AuthAttempt['kind'],
      client: clientAddress(req.headers, config.trustedProxies) ?? 'unknown',
      // A reset names its account by token only; the client's limit alone applies.
      account: operation === 'resetPassword' ? undefined : accountKey(collection.slug, data),
    }
    const refusal = await limiters.admit(attempt)
    if (refusal) {
      const headers = new Headers(req.responseHeaders)
      headers.set('Retry-After', String(refusal.retryAfterSeconds))
      req.responseHeaders = headers
      throw new RateLimitedError(refusal.retryAfterSeconds, req)
    }
    if (operation === 'login') req.context[ADMITTED_LOGIN] = attempt
    return args
  }
