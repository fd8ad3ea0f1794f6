import { RateLimiterMemory, type RateLimiterRes } from 'rate-limiter-flexible'

type MemoryLimiterOptions = ConstructorParameters<typeof RateLimiterMemory>[0]

/** Node's longest timer, in seconds; a longer one fires at once (TimeoutOverflowWarning). */
export const MAX_MEMORY_SECONDS = Math.floor(0x7fffffff / 1000)

const bounded = <T extends number | undefined>(seconds: T): T =>
  (seconds !== undefined && seconds > MAX_MEMORY_SECONDS ? MAX_MEMORY_SECONDS : seconds) as T

/**
 * rate-limiter-flexible's memory store forgets each key by a timer. A window past Node's longest
 * timer (24.8 days, e.g. login-throttle's 30-day memory of a known client) would fire at once and
 * forget the key, so in memory such windows are cut to 24.8 days; Redis keeps the whole window.
 */
export class BoundedMemoryLimiter extends RateLimiterMemory {
  constructor(options: MemoryLimiterOptions) {
    super({
      ...options,
      duration: bounded(options.duration),
      blockDuration: bounded(options.blockDuration),
    })
  }

  override block(
    key: number | string,
    secDuration: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    return super.block(key, bounded(secDuration), options)
  }

  override set(
    key: number | string,
    points: number,
    secDuration: number,
    options?: Record<string, unknown>,
  ): Promise<RateLimiterRes> {
    return super.set(key, points, bounded(secDuration), options)
  }
}
