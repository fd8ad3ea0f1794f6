import crypto from 'node:crypto'

import type { SanitizedHttpCacheConfig } from './types'

import { PREVIEW_HEADER, PREVIEW_LINK_PARAM, PREVIEW_READ_PARAM } from '../preview/token'
import { carriesCredentials } from '../shared/sessionCredentials'
import { isMarkedAnswerWithErrors } from './graphQLErrors'
import { httpCacheState, KEYS_HEADER, RECORD_KEYS_HEADER } from './requestScope'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

// Endpoints that answer about the caller, not about content: never shared, even when anonymous.
const callerSpecific = new Set(['access', 'init', 'me', 'refresh-token'])

/**
 * Preview tokens (plugins/preview) open drafts: the URL's `?preview=`/`?token=` or the header, in
 * any of the spellings the preview plugin reads — checked here since the cache decides before
 * access runs.
 */
const carriesPreviewToken = (request: Request, { searchParams }: URL): boolean =>
  request.headers.get(PREVIEW_HEADER) != null ||
  searchParams.has(PREVIEW_READ_PARAM) ||
  searchParams.has(PREVIEW_LINK_PARAM)

/**
 * No credentials on the request, in any spelling Payload might read (see `carriesCredentials`),
 * nor a preview token. `url` is the request's, when the caller has parsed it already.
 */
export const isAnonymousRequest = (request: Request, url = new URL(request.url)): boolean =>
  !carriesCredentials((name) => request.headers.get(name)) && !carriesPreviewToken(request, url)

/** Content reads a shared cache may keep: collection documents and lists, feeds, sitemaps, GraphQL. */
const isPublicPath = (
  config: SanitizedHttpCacheConfig,
  apiRoute: string,
  pathname: string,
): boolean => {
  if (!pathname.startsWith(`${apiRoute}/`)) return false
  const segments = pathname
    .slice(apiRoute.length + 1)
    .split('/')
    .filter(Boolean)
  const [first, second] = segments
  if (!first) return false
  if (first === 'feeds' || first === 'sitemaps' || first === 'graphql') return true
  if (first === 'globals') return segments.length === 2 && config.globals.includes(second!)
  if (!config.collections.includes(first)) return false
  return segments.length === 1 || (segments.length === 2 && !callerSpecific.has(second!))
}

const GRAPHQL_ERRORS_START = new TextEncoder().encode('{"errors":')

/**
 * A GraphQL answer with errors — a refused query, a resolver that failed, a half answer — comes
 * with status 200 (GraphQL over HTTP, `application/json`). Shared, it would go on failing after its
 * cause is gone, like any other error. `graphQLPost` marks the answers it knows carry errors; from
 * other handlers (Payload's), graphql-js and graphql-http put `errors` first.
 */
const isGraphQLErrorAnswer = (pathname: string, response: Response, body: Uint8Array): boolean =>
  pathname.endsWith('/graphql') &&
  (isMarkedAnswerWithErrors(response) ||
    (body.length >= GRAPHQL_ERRORS_START.length &&
      GRAPHQL_ERRORS_START.every((byte, index) => body[index] === byte)))

const strongEtag = (body: Uint8Array): string =>
  `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

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
    [
      'cache-control',
      `public, max-age=0, s-maxage=${config.sMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}${config.staleIfError > 0 ? `, stale-if-error=${config.staleIfError}` : ''}`,
    ],
    ...(names.length
      ? ([
          ['surrogate-key', names.join(' ')],
          ['cache-tag', names.join(',')],
        ] as [string, string][])
      : []),
  ]
}

const matchesEtag = (ifNoneMatch: null | string, etag: string): boolean => {
  if (!ifNoneMatch) return false
  if (ifNoneMatch.trim() === '*') return true
  // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
  const bare = etag.replace(/^W\//, '')
  return ifNoneMatch.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

/**
 * Wraps a route handler (Payload's REST_GET, the GraphQL GET handler) with HTTP caching headers:
 * a strong ETag and 304 on every successful GET; for anonymous reads of content,
 * `Cache-Control: public, max-age=0, s-maxage, stale-while-revalidate, stale-if-error` and
 * `Surrogate-Key`/`Cache-Tag` naming the documents the response was built from, for nginx or a
 * CDN to keep and purge (this process keeps nothing). Anything with credentials, an error, a
 * cookie or a GraphQL answer with errors is `private, no-store`. Other methods pass through.
 */
export const withHttpCache =
  <Args extends unknown[]>(handler: Handler<Args>): Handler<Args> =>
  async (request, ...args) => {
    const { apiRoute, config } = httpCacheState
    if (!config?.enabled || (request.method !== 'GET' && request.method !== 'HEAD'))
      return handler(request, ...args)
    const url = new URL(request.url)
    const { pathname } = url
    const isShared = isAnonymousRequest(request, url) && isPublicPath(config, apiRoute, pathname)
    // Asks the plugin's hooks for the surrogate keys (see requestScope.ts), only where they are
    // sent: a signed-in read does not pay for them. A client's own marker never reaches the hooks.
    const marked = new Headers(request.headers)
    if (isShared) marked.set(RECORD_KEYS_HEADER, '1')
    else marked.delete(RECORD_KEYS_HEADER)
    const response = await handler(new Request(request, { headers: marked }), ...args)
    const keys = new Set((response.headers.get(KEYS_HEADER) ?? '').split(' ').filter(Boolean))
    response.headers.delete(KEYS_HEADER)
    // An error, a cookie, or an answer its handler says must not be kept (a persisted query not known yet).
    if (
      response.status !== 200 ||
      response.headers.has('set-cookie') ||
      /\bno-store\b/.test(response.headers.get('cache-control') ?? '')
    ) {
      response.headers.set('cache-control', 'private, no-store')
      return response
    }
    const body = new Uint8Array(await response.arrayBuffer())
    const headers = new Headers(response.headers)
    if (isGraphQLErrorAnswer(pathname, response, body)) {
      headers.set('cache-control', 'private, no-store')
      return new Response(request.method === 'HEAD' ? null : body, {
        headers,
        status: response.status,
      })
    }
    const etag = strongEtag(body)
    headers.set('etag', etag)
    if (isShared) {
      for (const [name, value] of publicHeaders(config, keys)) headers.set(name, value)
      // The CORS headers answer the request's Origin: a shared cache must keep one copy per Origin.
      if (headers.has('access-control-allow-origin')) headers.append('vary', 'Origin')
    } else headers.set('cache-control', 'private, no-store')
    if (matchesEtag(request.headers.get('if-none-match'), etag)) {
      headers.delete('content-type')
      headers.delete('content-length')
      return new Response(null, { headers, status: 304 })
    }
    headers.set('content-length', String(body.byteLength))
    return new Response(request.method === 'HEAD' ? null : body, {
      headers,
      status: response.status,
    })
  }
