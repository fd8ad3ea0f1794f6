import type { PayloadRequest } from 'payload'

import type { SanitizedHttpCacheConfig } from './types'

/**
 * The plugin's options, set when the config is built. Each bundle that imports the config (Next.js
 * bundles the route handlers apart from `src/instrumentation.ts`, where Payload is initialised)
 * builds it from the same options and sets them in its own copy of this module.
 */
export const httpCacheState: { apiRoute: string; config: null | SanitizedHttpCacheConfig } = {
  apiRoute: '/api',
  config: null,
}

/**
 * How the surrogate keys get from the hooks to `withHttpCache`. The hooks run in the bundle where
 * Payload was initialised, the wrapper in the route handler's: no module state reaches from one to
 * the other, the request and the response do. The wrapper marks the request it wants keys for
 * (`RECORD_KEYS_HEADER`); the hooks collect them in a header of Payload's `req.responseHeaders`,
 * which Payload's handlers merge into the response; the wrapper takes it off again.
 */
export const RECORD_KEYS_HEADER = 'x-newsroom-record-surrogate-keys'
export const KEYS_HEADER = 'x-newsroom-surrogate-keys'

/** Adds `keys` to the response's surrogate keys, when the request is one `withHttpCache` answers. */
export const recordKeys = (req: PayloadRequest, keys: readonly string[]): void => {
  if (keys.length === 0 || req.headers?.get(RECORD_KEYS_HEADER) !== '1') return
  // Read back from the header: GraphQL resolvers each get their own proxy of the request.
  const headers = req.responseHeaders ?? new Headers()
  const recorded = new Set((headers.get(KEYS_HEADER) ?? '').split(' ').filter(Boolean))
  const size = recorded.size
  for (const key of keys) recorded.add(key)
  if (recorded.size === size) return
  headers.set(KEYS_HEADER, [...recorded].join(' '))
  req.responseHeaders = headers
}
