import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

export const RATE_LIMITED = 'RATE_LIMITED'

/** 429: the client or the account must wait `retryAfterSeconds` before the next attempt. */
export class RateLimitedError extends APIError {
  readonly code = RATE_LIMITED
  readonly retryAfterSeconds: number

  constructor(retryAfterSeconds: number, req?: Pick<PayloadRequest, 'i18n'>) {
    const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
    const message =
      req?.i18n?.language === 'ko'
        ? `시도가 너무 많습니다. ${seconds}초 뒤에 다시 시도하세요.`
        : `Too many attempts. Try again in ${seconds} seconds.`
    super(message, 429, undefined, true)
    this.retryAfterSeconds = seconds
  }
}

/** The RateLimitedError behind `error` (GraphQL wraps the thrown error in `originalError`), if any. */
export const rateLimitedErrorOf = (error: unknown): RateLimitedError | undefined => {
  if (error instanceof RateLimitedError) return error
  const original = (error as { originalError?: unknown } | null)?.originalError
  return original instanceof RateLimitedError ? original : undefined
}
