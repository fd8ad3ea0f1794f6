import type { SanitizedConfig } from 'payload'

import { carriesCredentials } from '../../plugins/shared/sessionCredentials'
import { errorResponse } from './errorResponse'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Whether a browser sent this request from a page of another site: its `Origin` is not one of
 * Payload's `csrf` origins (nor, with none configured, the request's own), or, without `Origin`,
 * `Sec-Fetch-Site` says `cross-site`. Browsers send `Origin` with every POST, PATCH, PUT and DELETE.
 */
export const isCrossSite = (request: Request, allowed: readonly string[]): boolean => {
  const origin = request.headers.get('origin')
  if (origin !== null)
    return allowed.length > 0 ? !allowed.includes(origin) : origin !== new URL(request.url).origin
  return request.headers.get('sec-fetch-site') === 'cross-site'
}

const forbidden = () =>
  errorResponse(
    403,
    'FORBIDDEN',
    '다른 사이트에서 보낸 로그인 쿠키 요청은 받지 않습니다 (cross-site request with a session cookie refused)',
  )

/**
 * Refuses (403) a write — any method but GET, HEAD, OPTIONS — that carries a session cookie and
 * comes from another site (`isCrossSite`). Payload alone reads such a request as anonymous,
 * which leaves the answer to each path: REST access control answers 403, GraphQL a 200 with
 * errors, and an endpoint open to anonymous callers acts on it. A request with an
 * `Authorization` header is an API client's, which no other site's page can send: it passes.
 */
export const withCsrfCheck =
  <Args extends unknown[]>(
    handler: Handler<Args>,
    config: Promise<SanitizedConfig> | SanitizedConfig,
  ): Handler<Args> =>
  async (request, ...args) => {
    if (SAFE_METHODS.has(request.method) || request.headers.has('authorization'))
      return handler(request, ...args)
    if (
      !carriesCredentials((name) => request.headers.get(name)) ||
      !isCrossSite(request, (await config).csrf)
    )
      return handler(request, ...args)
    return forbidden()
  }
