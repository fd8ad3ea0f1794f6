import type { Redis } from 'ioredis'

export type VisitorsOptions = {
  /** Who counts as current: a heartbeat within this many seconds. @default 300 (5 minutes) */
  windowSeconds?: number
  /**
   * Where heartbeats are kept: a Redis URL or an ioredis client shared by every app process (a
   * sorted set: visitor → last heartbeat); else this process's memory. @default REDIS_URL, else memory
   */
  redis?: null | Redis | string
  /** Prefix of the store's keys. @default 'visitors' */
  keyPrefix?: string
  /** Reverse proxies in front that append to `X-Forwarded-For`. @default NEWSROOM_TRUSTED_PROXIES, else 0 */
  trustedProxies?: number
  /** Heartbeats per client address. @default 60 per minute */
  heartbeatsPerAddress?: { points: number; durationSeconds: number }
  /** Path of the endpoints under the API route. @default '/visitors' */
  path?: string
  /** When false, the endpoints are left out. @default true */
  enabled?: boolean
}

export type SanitizedVisitorsConfig = Required<Omit<VisitorsOptions, 'redis'>> & {
  redis: null | Redis | string
}
