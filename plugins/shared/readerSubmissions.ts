import type {
  CollectionBeforeOperationHook,
  CollectionConfig,
  Config,
  PayloadRequest,
} from 'payload'

import type { Redis } from 'ioredis'

import type { WindowLimit } from './requestLimits'

import { InputError, withInputErrorsAsInfo } from './inputError'
import { readerAddressOf, readerOf } from './readerClient'
import { createRequestLimits, withRateLimitedErrors } from './requestLimits'

/** What a collection readers write to from outside (reports, inquiries) is limited by. */
export type SubmissionLimitsConfig = {
  keyPrefix: string
  perClient: WindowLimit
  perReader: WindowLimit
  readers: string
  redis: null | Redis | string
  trustedProxies: number
}

/**
 * Counts one submission against the client address's limit and, for a signed-in reader, the
 * reader's; past either, a RateLimitedError (429 RATE_LIMITED, Retry-After).
 */
export const submissionLimiter = (config: SubmissionLimitsConfig) => {
  const limits = createRequestLimits({
    redis: config.redis,
    keyPrefix: config.keyPrefix,
    limits: { client: config.perClient, reader: config.perReader },
  })
  return async (req: PayloadRequest): Promise<void> => {
    await limits.consume(req, 'client', readerAddressOf(req, config.trustedProxies))
    const reader = readerOf(req, config.readers)
    if (reader) await limits.consume(req, 'reader', String(reader.id))
  }
}

/**
 * A submission from outside (REST, GraphQL; not server code, and not `isExempt`, e.g. staff): it
 * counts against the address's and the reader's limits (429 with Retry-After), and the honeypot
 * field must be empty (400 VALIDATION), before anything else runs.
 */
export const guardSubmission =
  ({
    honeypotField,
    isExempt,
    limit,
  }: {
    honeypotField: string
    isExempt: (req: PayloadRequest) => boolean
    limit: (req: PayloadRequest) => Promise<void>
  }): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'create' || req.payloadAPI === 'local' || isExempt(req)) return args
    await limit(req)
    const trap = (args as { data?: Record<string, unknown> }).data?.[honeypotField]
    if (trap !== undefined && trap !== null && trap !== '')
      throw new InputError(
        `자동 입력으로 보여 접수하지 않았습니다: ${honeypotField} (automated submission refused)`,
      )
    return args
  }

/**
 * The config with a submissions collection; with `hooks` (the plugin on), also the formatting and
 * log levels of the readers' errors (400 input errors, 429 RATE_LIMITED) that those hooks throw.
 */
export const withSubmissionCollection = (
  config: Config,
  collection: CollectionConfig,
  hooks?: CollectionConfig['hooks'],
): Config => {
  const collections = [...(config.collections ?? []), hooks ? { ...collection, hooks } : collection]
  if (!hooks) return { ...config, collections }
  return {
    ...config,
    collections,
    hooks: withRateLimitedErrors(config),
    loggingLevels: {
      ...withInputErrorsAsInfo(config),
      RateLimitedError: 'info',
    } as Config['loggingLevels'],
  }
}
