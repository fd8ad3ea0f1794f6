import type { Redis } from 'ioredis'
import type { PayloadRequest } from 'payload'

import type { WindowLimit } from '../shared/requestLimits'

export type ReaderReportsOptions = {
  /** Slug of the reports collection. @default 'reports' */
  slug?: string
  /** Collection of the articles readers report. @default 'articles' */
  articles?: string
  /** The readers' auth collection (a signed-in reader's `req.user.collection`). @default 'readers' */
  readers?: string
  /** Staff accounts (`resolvedBy`). @default the admin's user collection, else 'users' */
  users?: string
  /** Who moderates (the queue, resolve, dismiss). @default users with role admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /** Longest `text`, in characters. @default 2000 */
  maxTextLength?: number
  /** Reports per client address (anonymous and readers alike). @default 10 per hour */
  perClient?: WindowLimit
  /** Reports per signed-in reader. @default 20 per hour */
  perReader?: WindowLimit
  /** Where the counts live: a Redis URL or client, else memory. @default REDIS_URL, else memory */
  redis?: Redis | string
  /** Prefix of the store's keys. @default 'reader-reports' */
  keyPrefix?: string
  /** Reverse proxies appending to X-Forwarded-For. @default NEWSROOM_TRUSTED_PROXIES, else 0 */
  trustedProxies?: number
  /** When false the collection stays (stable schema) and no rule is enforced. @default true */
  enabled?: boolean
}

export type SanitizedReaderReportsConfig = Required<
  Omit<ReaderReportsOptions, 'redis' | 'users'>
> & {
  redis: null | Redis | string
  users: null | string
}
