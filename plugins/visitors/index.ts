import type { Config, Endpoint, Plugin } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { SanitizedVisitorsConfig, VisitorsOptions } from './types'

import { createCounterStore } from '../shared/counterStore'
import { withInputErrorsAsInfo } from '../shared/inputError'
import { browserKeyOf, rateLimitedResponse, readerAddressOf } from '../shared/readerClient'
import { sanitizeVisitorsOptions } from './defaults'

export type { VisitorsOptions } from './types'
export { sanitizeVisitorsOptions } from './defaults'

const PRESENCE_KEY = 'present'

const noStore = { 'cache-control': 'private, no-store' }

const currentVisitors = (config: SanitizedVisitorsConfig, store: CounterStore): Promise<number> =>
  store.sortedCountFrom(PRESENCE_KEY, Date.now() - config.windowSeconds * 1000)

/** `POST /api/visitors/heartbeat` → `{ current }`: this browser is here now. */
const heartbeatEndpoint = (config: SanitizedVisitorsConfig, store: CounterStore): Endpoint => {
  const perAddress = store.rateLimiter('address', config.heartbeatsPerAddress)
  return {
    path: `${config.path}/heartbeat`,
    method: 'post',
    handler: async (req) => {
      const visitor = browserKeyOf(req, config.trustedProxies)
      const retryAfter = await perAddress.consume(readerAddressOf(req, config.trustedProxies))
      if (retryAfter) return rateLimitedResponse(req, retryAfter)
      await store.sortedSet(PRESENCE_KEY, visitor, Date.now(), config.windowSeconds * 2)
      return Response.json({ current: await currentVisitors(config, store) }, { headers: noStore })
    },
  }
}

/** `GET /api/visitors` → `{ current }`. */
const visitorsEndpoint = (config: SanitizedVisitorsConfig, store: CounterStore): Endpoint => ({
  path: config.path,
  method: 'get',
  handler: async () =>
    Response.json({ current: await currentVisitors(config, store) }, { headers: noStore }),
})

/**
 * 현재접속자: distinct browsers (`x-reader-token`, else address and User-Agent, as opaque keys)
 * whose last heartbeat is within the window, across every app process (a Redis sorted set;
 * this process's memory when embedded). No database write per heartbeat.
 */
export const visitors =
  (options: VisitorsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeVisitorsOptions(options)
    if (!config.enabled) return incomingConfig
    const store = createCounterStore({ redis: config.redis, keyPrefix: config.keyPrefix })
    return {
      ...incomingConfig,
      endpoints: [
        ...(incomingConfig.endpoints ?? []),
        heartbeatEndpoint(config, store),
        visitorsEndpoint(config, store),
      ],
      loggingLevels: withInputErrorsAsInfo(incomingConfig),
    }
  }
