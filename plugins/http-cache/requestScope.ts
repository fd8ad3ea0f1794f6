import { AsyncLocalStorage } from 'node:async_hooks'

import type { SanitizedHttpCacheConfig } from './types'

/** What one request collects while Payload serves it. */
export type RequestScope = {
  /** Surrogate keys of every document and list the response was built from. */
  keys: Set<string>
}

/**
 * The plugin's options, set when the config is built, and the scope of the request being answered.
 * Module scope: the route handlers (`withHttpCache`) and the Payload config whose hooks record the
 * keys import this same file into one server bundle, so one process holds one instance of it (a
 * second instance would leave `withHttpCache` without options: it passes responses through).
 */
export const httpCacheState: { apiRoute: string; config: null | SanitizedHttpCacheConfig } = { apiRoute: '/api', config: null }

export const requestScope = new AsyncLocalStorage<RequestScope>()

export const currentScope = (): RequestScope | undefined => requestScope.getStore()
