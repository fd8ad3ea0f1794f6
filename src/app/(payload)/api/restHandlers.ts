import config from '@payload-config'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withHttpCache } from '../../../../plugins/http-cache'

type RouteArgs = { params: Promise<{ slug: string[] }> }
type RouteHandler = (request: Request, args: RouteArgs) => Promise<Response>

const catchAll = {
  // Reads get ETag/304, Cache-Control and surrogate keys; writes purge through the plugin's hooks.
  GET: withHttpCache(REST_GET(config)) as RouteHandler,
  POST: REST_POST(config) as RouteHandler,
  DELETE: REST_DELETE(config) as RouteHandler,
  PATCH: REST_PATCH(config) as RouteHandler,
  PUT: REST_PUT(config) as RouteHandler,
  OPTIONS: REST_OPTIONS(config) as RouteHandler,
}

/**
 * Payload's REST handlers for `api/[...slug]`, or, given the path's segments, for a static route
 * at that path (which Next.js calls without params; Payload needs them to find the endpoint).
 */
export const restHandlers = (segments?: string[]): typeof catchAll => {
  if (!segments) return catchAll
  const args: RouteArgs = { params: Promise.resolve({ slug: segments }) }
  const fixed = (handler: RouteHandler): RouteHandler => (request) => handler(request, args)
  return Object.fromEntries(Object.entries(catchAll).map(([method, handler]) => [method, fixed(handler)])) as typeof catchAll
}
