import type { IncomingMessage } from 'node:http'

import { toRequest } from './nodeFetch'

/**
 * API reads in `npm start` skip Next.js's router: REST and GraphQL GETs (and HEADs), and GraphQL
 * POSTs (how most clients send their queries). src/bin/server.ts calls the very route handlers Next.js would
 * (src/app/(payload)/api/…/route.ts), with the arguments it would pass them.
 *
 * Why: routing a request costs Next.js ≈ 0.7 ms of CPU before the handler runs, about a tenth of a
 * fresh article read's whole cost on the 2-core machine (`npm run bench`, scenarios N0 and a), and
 * those reads are what a breaking story multiplies. The handlers are Next.js's bundled code,
 * published by their route modules on the first request Next.js routes to them (the server's
 * warm-up): the same Payload, config and plugin state, with no second copy loaded beside the
 * bundle. Until then, and for anything else (REST writes and uploads, the admin, the GraphQL
 * playground, URLs Next.js would redirect), Next.js routes as before.
 */

type RestHandler = (request: Request, context: { params: Promise<{ slug: string[] }> }) => Promise<Response>
type GraphQLHandler = (request: Request) => Promise<Response>
type ApiReadHandlers = { graphql?: GraphQLHandler; graphqlPost?: GraphQLHandler; rest?: RestHandler }

// On globalThis: the route modules live in Next.js's bundle, the server outside it.
const HANDLERS = Symbol.for('payload-newsroom.apiReadHandlers')
const published = (): ApiReadHandlers => {
  const holder = globalThis as unknown as Record<symbol, ApiReadHandlers | undefined>
  return (holder[HANDLERS] ??= {})
}

/** Called by a route module with its handlers. */
export const publishApiReadHandlers = (handlers: ApiReadHandlers): void => {
  Object.assign(published(), handlers)
}

// The API's base path: where src/app/(payload)/api/ puts the routes (Payload's default `routes.api`).
const API = '/api'

/**
 * The handler call that answers this request as Next.js would route it, or null when Next.js must
 * route it. Its URL is the one `next start` gives route handlers: its own host name and port,
 * `https` when a proxy in front says so in `X-Forwarded-Proto`.
 */
export const apiReadOf = (incoming: IncomingMessage, hostname: string, port: number): (() => Promise<Response>) | null => {
  // HEAD is GET without the body (sendResponse leaves it out): Payload has no HEAD endpoints, and
  // through Next.js a HEAD reached them as it came and was answered 404.
  const method = incoming.method === 'HEAD' ? 'GET' : incoming.method
  if (method !== 'GET' && method !== 'POST') return null
  const url = incoming.url ?? '/'
  // A fragment or a backslash Next.js strips or redirects.
  if (!url.startsWith(`${API}/`) || /[#\\]/.test(url)) return null
  const protocol = String(incoming.headers['x-forwarded-proto'] ?? '').includes('https') ? 'https' : 'http'
  const origin = `${protocol}://${hostname}:${port}`
  const queryAt = url.indexOf('?')
  const pathname = queryAt === -1 ? url : url.slice(0, queryAt)
  // Next.js redirects a trailing slash and resolves empty and dot segments, `%2e%2e` included: the
  // segments Payload is given must be those of the URL it is given, or a read of one resource would
  // be answered (and cached) under another's URL.
  if (pathname.endsWith('/') || pathname.includes('//')) return null
  let slug: string[]
  try {
    if (new URL(url, origin).pathname !== pathname) return null
    slug = pathname.slice(API.length + 1).split('/').map(decodeURIComponent)
  } catch {
    // A malformed URL or escape: Next.js answers those its own way.
    return null
  }
  // Next.js matches its own routes on the decoded path too (`/api/%67raphql` is GraphQL's).
  if (slug.length === 1 && slug[0]!.startsWith('graphql') && pathname !== `${API}/graphql`) return null
  const { graphql, graphqlPost, rest } = published()
  if (pathname === `${API}/graphql`) {
    const handler = method === 'GET' ? graphql : graphqlPost
    return handler ? () => handler(toRequest(incoming, origin, method)) : null
  }
  if (method !== 'GET' || pathname === `${API}/graphql-playground` || !rest) return null
  return () => rest(toRequest(incoming, origin, method), { params: Promise.resolve({ slug }) })
}
