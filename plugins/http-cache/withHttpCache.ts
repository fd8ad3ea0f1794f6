import crypto from 'node:crypto'

import type { CachedResponse, RequestScope } from './cacheState'
import type { SanitizedHttpCacheConfig } from './types'

import { awaitsRenewal, cacheState, forgetResponse, recallResponse, rememberResponse, renewsPurgedCopy } from './cacheState'
import { carriesCredentials } from '../shared/sessionCredentials'
import { isMarkedAnswerWithErrors } from './graphQLErrors'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

// Endpoints that answer about the caller, not about content: never shared, even when anonymous.
const callerSpecific = new Set(['access', 'init', 'me', 'refresh-token'])

/** No credentials on the request, in any spelling Payload might read (see `carriesCredentials`). */
export const isAnonymousRequest = (request: Request): boolean => isAnonymous({ header: (name) => request.headers.get(name) })

/** Content reads a CDN may share: collection documents and lists, feeds, sitemaps, GraphQL. */
const isPublicPath = (config: SanitizedHttpCacheConfig, apiRoute: string, pathname: string): boolean => {
  if (!pathname.startsWith(`${apiRoute}/`)) return false
  const segments = pathname.slice(apiRoute.length + 1).split('/').filter(Boolean)
  const [first, second] = segments
  if (!first) return false
  if (first === 'feeds' || first === 'sitemaps' || first === 'graphql') return true
  if (!config.collections.includes(first)) return false
  return segments.length === 1 || (segments.length === 2 && !callerSpecific.has(second!))
}

const GRAPHQL_ERRORS_START = new TextEncoder().encode('{"errors":')

/**
 * A GraphQL answer with errors — a refused query, a resolver that failed, a half answer — comes
 * with status 200 (GraphQL over HTTP, `application/json`). Kept or shared, it would go on failing
 * after its cause is gone, like any other error. `graphQLPost` marks the answers it knows carry
 * errors; from other handlers (Payload's), graphql-js and graphql-http put `errors` first.
 */
const isGraphQLErrorAnswer = (pathname: string, response: Response, body: Uint8Array): boolean =>
  pathname.endsWith('/graphql') &&
  (isMarkedAnswerWithErrors(response) || (body.length >= GRAPHQL_ERRORS_START.length && GRAPHQL_ERRORS_START.every((byte, index) => body[index] === byte)))

const strongEtag = (body: Uint8Array): string => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

const keyHeader = (config: SanitizedHttpCacheConfig, keys: Set<string>): string[] => {
  const all = [...keys].sort()
  if (all.length <= config.maxKeys) return all
  // Too many documents for one header: the list keys of their collections (a handful) purge it
  // whenever any of them changes (an article event purges `articles:list`), also where the read
  // listed nothing.
  return [...new Set(all.map((key) => `${key.slice(0, key.indexOf(':'))}:list`))].sort()
}

const publicHeaders = (config: SanitizedHttpCacheConfig, keys: Set<string>): [string, string][] => {
  const names = keyHeader(config, keys)
  return [
    ['cache-control', `public, max-age=0, s-maxage=${config.sMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}${config.staleIfError > 0 ? `, stale-if-error=${config.staleIfError}` : ''}`],
    ...(names.length ? ([['surrogate-key', names.join(' ')], ['cache-tag', names.join(',')]] as [string, string][]) : []),
  ]
}

/** The parts of a request the cache looks at; a Fetch `Request` or a Node `IncomingMessage` gives them cheaply. */
export type CacheableRequest = { header: (name: string) => null | string | undefined; method: string; pathname: string; search: string }

export type CachedAnswer = { body: null | Uint8Array; headers: [string, string][]; status: number }

const matchesEtag = (ifNoneMatch: null | string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

const toAnswer = (request: CacheableRequest, entry: Pick<CachedResponse, 'body' | 'etag' | 'headers' | 'status'>, source: 'hit' | 'miss'): CachedAnswer => {
  // Stored entries carry neither content-length nor x-newsroom-cache (see below).
  const headers: [string, string][] = [...entry.headers, ['x-newsroom-cache', source]]
  if (matchesEtag(request.header('if-none-match'), entry.etag)) {
    return { body: null, headers: headers.filter(([name]) => name !== 'content-type'), status: 304 }
  }
  headers.push(['content-length', String(entry.body.byteLength)])
  return { body: request.method === 'HEAD' ? null : entry.body, headers, status: entry.status }
}

const toResponse = (answer: CachedAnswer): Response => new Response(answer.body as BodyInit | null, { status: answer.status, headers: answer.headers })

/** No login on the request: no `Authorization` header, no cookie that could be a session (`carriesCredentials`). */
export const isAnonymous = (request: Pick<CacheableRequest, 'header'>): boolean => !carriesCredentials(request.header)

/**
 * A query component in one spelling: decoded as a form is (`+` is a space), encoded again. One
 * that does not decode (a stray `%`) stays as sent: re-encoding never produces a malformed escape,
 * so it cannot meet another query's key.
 */
const canonicalComponent = (component: string): string => {
  try {
    return encodeURIComponent(decodeURIComponent(component.replace(/\+/g, ' ')))
  } catch {
    return component
  }
}

/**
 * One spelling for each query: Next.js hands a route handler the query re-encoded (`[` as `%5B`,
 * `+` as `%20`) while a server in front of it sees the raw one, and both must find the same copy.
 * Two spellings of one query share an entry; two different queries never do.
 */
const canonicalSearch = (search: string): string => {
  if (search.length <= 1) return ''
  return `?${search
    .slice(1)
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=')
      return equals === -1 ? canonicalComponent(pair) : `${canonicalComponent(pair.slice(0, equals))}=${canonicalComponent(pair.slice(equals + 1))}`
    })
    .join('&')}`
}

// CORS headers depend on the Origin, so it is part of what a stored response answers.
const memoryKeyOf = (request: CacheableRequest): string => `${request.pathname}${canonicalSearch(request.search)}\n${request.header('origin') ?? ''}`

const isSharedRead = (config: SanitizedHttpCacheConfig, apiRoute: string, request: CacheableRequest): boolean =>
  (request.method === 'GET' || request.method === 'HEAD') && isAnonymous(request) && isPublicPath(config, apiRoute, request.pathname)

/** The memory key of a read this process may answer from, and keep, its memory copy; else null. */
const memoryKeyOfShared = (request: CacheableRequest): null | string => {
  const { apiRoute, config } = cacheState()
  return config?.enabled && config.memoryTtlMs > 0 && isSharedRead(config, apiRoute, request) ? memoryKeyOf(request) : null
}

const recallAnswer = (request: CacheableRequest, memoryKey: string): CachedAnswer | null => {
  const hit = recallResponse(memoryKey, Date.now())
  return hit ? toAnswer(request, hit, 'hit') : null
}

/**
 * The stored answer to an anonymous content read, if this process holds a fresh one — without
 * touching Payload. `withHttpCache` starts with it; a plain Node server can call it before it even
 * builds a Fetch `Request` (see `npm run serve:api`).
 */
export const answerFromMemory = (request: CacheableRequest): CachedAnswer | null => {
  const memoryKey = memoryKeyOfShared(request)
  return memoryKey === null ? null : recallAnswer(request, memoryKey)
}

/**
 * Whether this read renews a stored copy that has just expired (see `awaitsRenewal`): once it
 * runs, the other readers of that copy get it while it renews, instead of each missing. Or it
 * renews a copy a purge just dropped (`renewsPurgedCopy`), which readers were asking for.
 */
export const renewsStoredCopy = (request: CacheableRequest): boolean => {
  const memoryKey = memoryKeyOfShared(request)
  if (memoryKey === null) return false
  const now = Date.now()
  return awaitsRenewal(memoryKey, now) || renewsPurgedCopy(memoryKey, now)
}

const viewOf = (request: Request): CacheableRequest => {
  const url = new URL(request.url)
  return { header: (name) => request.headers.get(name), method: request.method, pathname: url.pathname, search: url.search }
}

/**
 * Wraps a route handler (Payload's REST_GET, the GraphQL GET handler, or `handleEndpoints` in a
 * plain Node server) with HTTP caching: a strong ETag and 304 on every successful GET; for
 * anonymous reads of content, `Cache-Control: public, s-maxage, stale-while-revalidate`,
 * `Surrogate-Key`/`Cache-Tag` naming the documents the response was built from, and an in-memory
 * copy that changes in this process purge at once. Everything else is `private, no-store`.
 * Other methods pass through untouched.
 */
export const withHttpCache =
  <Args extends unknown[]>(handler: Handler<Args>): Handler<Args> =>
  async (request, ...args) => {
    const state = cacheState()
    const config = state.config
    if (!config?.enabled || (request.method !== 'GET' && request.method !== 'HEAD')) return handler(request, ...args)
    const scope: RequestScope = { keys: new Set() }
    const view = viewOf(request)
    const isShared = isSharedRead(config, state.apiRoute, view)
    const canRemember = isShared && config.memoryTtlMs > 0
    const memoryKey = memoryKeyOf(view)
    const stored = canRemember ? recallAnswer(view, memoryKey) : null
    if (stored) return toResponse(stored)

    if (canRemember) {
      // A burst of identical reads (a breaking story the moment its cached copy expires) waits for
      // the one already being answered instead of each running the same queries.
      const running = state.inFlight.get(memoryKey)
      if (running && running.generation === state.generation) {
        const shared = await running.result
        if (shared) return toResponse(toAnswer(view, shared, 'hit'))
      }
    }
    const generation = state.generation
    let settle: (entry: CachedResponse | null) => void = () => {}
    if (canRemember && !state.inFlight.has(memoryKey)) {
      const result = new Promise<CachedResponse | null>((resolve) => (settle = resolve))
      state.inFlight.set(memoryKey, { generation, result })
      void result.finally(() => {
        if (state.inFlight.get(memoryKey)?.result === result) state.inFlight.delete(memoryKey)
      })
    }
    // An error or a 404 must not outlive the publish that fixes it in some shared cache, and an
    // older copy of what is now an error must not be served while renewing either.
    const keepNowhere = (headers: Headers) => {
      if (canRemember) forgetResponse(memoryKey)
      headers.set('cache-control', 'private, no-store')
    }
    try {
      const response = await state.requestScope.run(scope, () => handler(request, ...args))
      // An error, a cookie, or an answer its handler says must not be kept (a persisted query not known yet).
      if (response.status !== 200 || response.headers.has('set-cookie') || /\bno-store\b/.test(response.headers.get('cache-control') ?? '')) {
        keepNowhere(response.headers)
        return response
      }
      const body = new Uint8Array(await response.arrayBuffer())
      if (isGraphQLErrorAnswer(view.pathname, response, body)) {
        const headers = new Headers(response.headers)
        keepNowhere(headers)
        return new Response(body, { headers, status: response.status })
      }
      const etag = strongEtag(body)
      const headers = new Headers(response.headers)
      headers.delete('content-length')
      headers.delete('x-newsroom-cache')
      headers.set('etag', etag)
      if (isShared) {
        for (const [name, value] of publicHeaders(config, scope.keys)) headers.set(name, value)
        // The CORS headers answer the request's Origin: a shared cache must keep one copy per Origin.
        if (headers.has('access-control-allow-origin')) headers.append('vary', 'Origin')
      } else headers.set('cache-control', 'private, no-store')
      const entry: CachedResponse = { body, etag, headers: [...headers.entries()], status: response.status, storedAt: Date.now() }
      // Computed across a purge: it may show the state from before the change, so it is not kept.
      if (canRemember && generation === state.generation) {
        rememberResponse(memoryKey, entry)
        settle(entry)
      }
      return toResponse(toAnswer(view, entry, 'miss'))
    } finally {
      settle(null)
    }
  }
