import crypto from 'node:crypto'

import type { CachedResponse, RequestScope } from './cacheState'
import type { SanitizedHttpCacheConfig } from './types'

import { cacheState, purgeMemory, recallResponse, rememberResponse } from './cacheState'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

// Endpoints that answer about the caller, not about content: never shared, even when anonymous.
const callerSpecific = new Set(['access', 'init', 'me', 'refresh-token'])

/** Payload reads the session from a `<prefix>-token` cookie or an Authorization header. */
export const isAnonymousRequest = (request: Request): boolean =>
  !request.headers.has('authorization') && !/(?:^|;\s*)[^=;\s]*-token=/.test(request.headers.get('cookie') ?? '')

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

const strongEtag = (body: Uint8Array): string => `"${crypto.createHash('sha1').update(body).digest('base64url')}"`

const matchesEtag = (request: Request, etag: string): boolean => {
  const header = request.headers.get('if-none-match')
  if (!header) return false
  if (header.trim() === '*') return true
  // If-None-Match uses the weak comparison (RFC 9110 §13.1.2).
  const bare = etag.replace(/^W\//, '')
  return header.split(',').some((candidate) => candidate.trim().replace(/^W\//, '') === bare)
}

const keyHeader = (config: SanitizedHttpCacheConfig, keys: Set<string>): string[] => {
  const all = [...keys].sort()
  if (all.length <= config.maxKeys) return all
  // Too many documents for one header: the list keys still purge it whenever any of them changes.
  return all.filter((key) => key.endsWith(':list')).slice(0, config.maxKeys)
}

const publicHeaders = (config: SanitizedHttpCacheConfig, keys: Set<string>): [string, string][] => {
  const names = keyHeader(config, keys)
  return [
    ['cache-control', `public, max-age=0, s-maxage=${config.sMaxAge}, stale-while-revalidate=${config.staleWhileRevalidate}`],
    ...(names.length ? ([['surrogate-key', names.join(' ')], ['cache-tag', names.join(',')]] as [string, string][]) : []),
  ]
}

const answer = (request: Request, entry: Pick<CachedResponse, 'body' | 'etag' | 'headers' | 'status'>, source: 'hit' | 'miss'): Response => {
  const headers = new Headers(entry.headers)
  headers.set('x-newsroom-cache', source)
  if (matchesEtag(request, entry.etag)) {
    headers.delete('content-length')
    headers.delete('content-type')
    return new Response(null, { status: 304, headers })
  }
  headers.set('content-length', String(entry.body.byteLength))
  return new Response(request.method === 'HEAD' ? null : (entry.body as BodyInit), { status: entry.status, headers })
}

/**
 * Wraps a route handler (Payload's REST_GET, the GraphQL GET handler, or `handleEndpoints` in a
 * plain Node server) with HTTP caching: a strong ETag and 304 on every successful GET; for
 * anonymous reads of content, `Cache-Control: public, s-maxage, stale-while-revalidate`,
 * `Surrogate-Key`/`Cache-Tag` naming the documents the response was built from, and an in-memory
 * copy that changes in this process purge at once. Everything else is `private, no-store`.
 * Writes pass through and purge once more after they committed.
 */
export const withHttpCache =
  <Args extends unknown[]>(handler: Handler<Args>): Handler<Args> =>
  async (request, ...args) => {
    const state = cacheState()
    const config = state.config
    if (!config?.enabled) return handler(request, ...args)
    const scope: RequestScope = { keys: new Set(), hasPurged: false }

    if (request.method !== 'GET' && request.method !== 'HEAD') {
      const response = await state.requestScope.run(scope, () => handler(request, ...args))
      // The hooks purged before the transaction committed; a read in between may have stored the old state.
      if (scope.hasPurged) purgeMemory()
      return response
    }

    const url = new URL(request.url)
    const isShared = isAnonymousRequest(request) && isPublicPath(config, state.apiRoute, url.pathname)
    // CORS headers depend on the Origin, so it is part of what a stored response answers.
    const memoryKey = `${url.pathname}${url.search}\n${request.headers.get('origin') ?? ''}`
    if (isShared && config.memoryTtlMs > 0) {
      const hit = recallResponse(memoryKey, Date.now())
      if (hit) return answer(request, hit, 'hit')
    }

    const generation = state.generation
    const response = await state.requestScope.run(scope, () => handler(request, ...args))
    if (response.status !== 200 || response.headers.has('set-cookie')) {
      // An error or a 404 must not outlive the publish that fixes it in some shared cache.
      response.headers.set('cache-control', 'private, no-store')
      return response
    }
    const body = new Uint8Array(await response.arrayBuffer())
    const etag = strongEtag(body)
    const headers = new Headers(response.headers)
    headers.delete('content-length')
    headers.set('etag', etag)
    if (isShared) for (const [name, value] of publicHeaders(config, scope.keys)) headers.set(name, value)
    else headers.set('cache-control', 'private, no-store')
    const entry: CachedResponse = { body, etag, headers: [...headers.entries()], status: response.status, storedAt: Date.now() }
    if (isShared && config.memoryTtlMs > 0 && generation === state.generation) rememberResponse(memoryKey, entry)
    return answer(request, entry, 'miss')
  }
