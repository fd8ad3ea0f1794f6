/**
 * `npm run serve:api`: the REST and GraphQL API (feeds and sitemaps included) on a plain Node
 * HTTP server, without Next.js — Payload's `handleEndpoints`, the officially supported way to
 * serve Payload outside Next, behind the same HTTP caching as `npm start`. Same config and
 * database; no admin panel. Queued jobs stay with `npm start` or `npm run worker` unless
 * NEWSROOM_RUN_JOBS=on. A change made through another process reaches this one's memory cache
 * within NEWSROOM_CACHE_SIGNAL_MS (250 ms by default); changes made here are visible at once.
 */
import type { IncomingMessage, ServerResponse } from 'node:http'

import http from 'node:http'

import { createAdmission } from '../admission'
import { admitOptionsOf } from '../admitOptions'
import { guardWrites } from '../http'
import { sendResponse, toRequest } from '../nodeFetch'
import { publishStaffTokenKey } from '../staffRequests'

Object.assign(process.env, { NODE_ENV: 'production' })
process.env.NEWSROOM_RUN_JOBS ??= 'off'

const main = async () => {
  const [{ getPayload, handleEndpoints }, { default: config }, { answerFromMemoryOnNode, graphQLGetHandler, graphQLPost, graphQLPostHandler, withHttpCache }] = await Promise.all([
    import('payload'),
    import('../payload.config'),
    import('../../plugins/http-cache'),
  ])
  const payload = await getPayload({ config, cron: process.env.NEWSROOM_RUN_JOBS !== 'off' })
  // Signed-in staff's requests start ahead of readers' (src/admission.ts).
  publishStaffTokenKey(payload)
  const apiRoute = payload.config.routes.api
  const restHandler = (request: Request) => handleEndpoints({ config: payload.config, request })
  // Writes as the app's route files guard them (src/http/): cross-site cookie writes 403, large bodies 413.
  const [reads, writes] = [withHttpCache(restHandler), guardWrites(restHandler, payload.config)]
  const rest = (request: Request) => (request.method === 'GET' || request.method === 'HEAD' ? reads(request) : writes(request))
  const payloadPost = graphQLPost(payload.config)
  const graphql = { GET: withHttpCache(graphQLGetHandler(payloadPost)), POST: guardWrites(graphQLPostHandler(payloadPost), payload.config) }
  const port = Number(process.env.PORT || 3001)
  const origin = `http://127.0.0.1:${port}`

  // Misses start in arrival order, one per turn of the event loop (see src/admission.ts).
  const admission = createAdmission()
  const server = http.createServer((incoming, outgoing) => {
    // A read this process answered a moment ago goes straight back, before any Fetch API objects.
    if (answerFromMemoryOnNode(incoming, outgoing)) return
    admission.admit(incoming, outgoing, () => work(incoming, outgoing), admitOptionsOf(incoming))
  })
  const work = (incoming: IncomingMessage, outgoing: ServerResponse) => {
    const route = async (): Promise<Response> => {
      // HEAD is the GET without its body (sendResponse leaves it out): Payload has no HEAD endpoints.
      const request = toRequest(incoming, origin, incoming.method === 'HEAD' ? 'GET' : incoming.method)
      const { pathname } = new URL(request.url)
      if (pathname === `${apiRoute}/graphql`) {
        const handler = request.method === 'GET' ? graphql.GET : request.method === 'POST' ? graphql.POST : null
        return handler ? handler(request) : new Response(null, { status: 405, headers: { allow: 'GET, POST' } })
      }
      if (pathname === apiRoute || pathname.startsWith(`${apiRoute}/`)) return rest(request)
      return Response.json({ errors: [{ message: `Not found: only ${apiRoute}/* is served here` }] }, { status: 404 })
    }
    route()
      .then((response) => sendResponse(response, incoming, outgoing))
      .catch((error: unknown) => {
        payload.logger.error({ err: error, msg: `serve:api ${incoming.method} ${incoming.url}` })
        if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'application/json' })
        outgoing.end(JSON.stringify({ errors: [{ message: 'Internal Server Error' }] }))
      })
  }
  // Keep-alive longer than common load balancers' idle timeouts, so they never hit a closed socket.
  server.keepAliveTimeout = 65_000
  server.listen(port, () => payload.logger.info(`API 서버: ${origin}${apiRoute} (REST, GraphQL, feeds; Ctrl+C to stop)`))
  const stop = () => server.close(() => void payload.destroy().then(() => process.exit(0)))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

export {}
