import type { SanitizedVisitorsConfig, VisitorsOptions } from './types'

import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'
import { redisFromEnvironment } from '../shared/counterStore'

export const sanitizeVisitorsOptions = (
  options: VisitorsOptions = {},
): SanitizedVisitorsConfig => ({
  windowSeconds: options.windowSeconds ?? 5 * 60,
  redis: options.redis === undefined ? redisFromEnvironment() : options.redis,
  keyPrefix: options.keyPrefix ?? 'visitors',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  heartbeatsPerAddress: options.heartbeatsPerAddress ?? { points: 60, durationSeconds: 60 },
  path: options.path ?? '/visitors',
  enabled: options.enabled ?? true,
})
