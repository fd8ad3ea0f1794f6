import type { Redis } from 'ioredis'

/** At most `points` attempts per `durationSeconds` window. */
export type WindowLimit = {
  points: number
  durationSeconds: number
  /** How long a client that went over waits. @default the rest of the window */
  blockSeconds?: number
}

/**
 * Consecutive failed logins of one client on one account: the first `freeFailures` go at once,
 * then each further one waits twice as long as the one before, from `firstDelaySeconds` up to
 * `maxDelaySeconds`. A successful login, or `forgetAfterSeconds` after the first of them, starts over.
 */
export type ProgressiveDelay = {
  freeFailures: number
  firstDelaySeconds: number
  maxDelaySeconds: number
  forgetAfterSeconds: number
}

export type LoginThrottleOptions = {
  /** Auth collections whose login, forgot-password and reset-password are throttled. @default every auth collection */
  collections?: string[]
  /** When false, nothing is throttled. @default true */
  enabled?: boolean
  /**
   * Where the counts live: a Redis URL or an ioredis client, shared by every app process; else
   * each process counts in its own memory. @default REDIS_URL, else memory
   */
  redis?: Redis | string
  /** Prefix of the store's keys. @default 'login-throttle' */
  keyPrefix?: string
  /**
   * How many reverse proxies in front of the app append to `X-Forwarded-For` (see clientAddress.ts).
   * @default NEWSROOM_TRUSTED_PROXIES, else 0
   */
  trustedProxies?: number
  /** Failed logins per client address, whatever the account. @default 30 per 15 min, then 15 min */
  failedLoginsPerClient?: WindowLimit
  /**
   * Failed logins per account from every client but those that signed in to it lately: a high
   * threshold and short waits, so that many clients together cannot guess on, nor shut the owner
   * out for long. @default 50 per 15 min
   */
  failedLoginsPerAccount?: WindowLimit
  /** Growing waits between one client's consecutive failed logins on one account. @default 5 free, then 15 s doubling to 1 h */
  consecutiveFailures?: ProgressiveDelay
  /** How long a client that signed in to an account is exempt from that account's limit, in seconds (0: never). @default 30 days */
  rememberClientSeconds?: number
  /** Forgot-password and reset-password requests per client address. @default 10 per 15 min, then 15 min */
  recoveryPerClient?: WindowLimit
  /** Forgot-password requests per account (each may send a mail). @default 5 per hour */
  forgotPasswordPerAccount?: WindowLimit
  /**
   * Give a login with an unknown email the same password-hashing work as a wrong password for a
   * known one, so that the answer's time does not tell which emails have accounts. @default true
   */
  equalizeUnknownLogins?: boolean
}

export type SanitizedLoginThrottleConfig = {
  collections: null | string[]
  enabled: boolean
  redis: null | Redis | string
  keyPrefix: string
  trustedProxies: number
  failedLoginsPerClient: WindowLimit
  failedLoginsPerAccount: WindowLimit
  consecutiveFailures: ProgressiveDelay
  rememberClientSeconds: number
  recoveryPerClient: WindowLimit
  forgotPasswordPerAccount: WindowLimit
  equalizeUnknownLogins: boolean
}

/** One attempt to log in, ask for a reset mail or reset a password, as the limits see it. */
export type AuthAttempt = {
  kind: 'forgotPassword' | 'login' | 'resetPassword'
  /** clientAddress(), or 'unknown' */
  client: string
  /** `<collection>:<lower-case email or username>`; none for reset-password (a token names no account) */
  account?: string
  /** Set when the login counted against the account's limit (and so is given back on success). */
  countedOnAccount?: boolean
}
