/**
 * The server `npm start` runs once the admin is built: Next.js (admin, API, feeds) as `next start`
 * would serve it, with one step in front. An anonymous read this process answered a moment ago
 * goes straight back from its memory copy, as in `npm run serve:api`, before Next.js routes it:
 * Next.js spends ≈ 0.7 ms of CPU routing any request, more than ten times what answering the copy
 * costs (`npm run bench`, scenarios N0 and b). Everything else — misses, writes, the admin,
 * logged-in readers — goes to Next.js in arrival order, one per turn of the event loop (see
 * src/admission.ts: otherwise a burst of misses delays every answer from memory). Listens on
 * PORT (3000) on every interface, as `next start` does.
 */
import http from 'node:http'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

import { answerFromMemoryOnNode, renewsStoredCopyOnNode } from '../../plugins/http-cache/answerOnNode'
import { createAdmission } from '../admission'

const main = async () => {
  // Next.js reads NODE_ENV when it is loaded.
  Object.assign(process.env, { NODE_ENV: 'production' })
  const { default: next } = await import('next')
  const port = Number(process.env.PORT || 3000)
  const app = next({ dev: false, dir: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'), port, hostname: 'localhost' })
  const handle = app.getRequestHandler()
  // Runs src/instrumentation.ts: Payload, its migrations and job runner start here, not at the first request.
  await app.prepare()

  const admission = createAdmission()
  const server = http.createServer((incoming, outgoing) => {
    if (answerFromMemoryOnNode(incoming, outgoing)) return
    // The admin's scripts and styles are files Next.js sends as they are: nothing to wait for.
    if (incoming.url?.startsWith('/_next/static/')) return work(incoming, outgoing)
    admission.admit(incoming, outgoing, () => work(incoming, outgoing), { first: renewsStoredCopyOnNode(incoming) })
  })
  const work = (incoming: http.IncomingMessage, outgoing: http.ServerResponse) => {
    handle(incoming, outgoing).catch((error: unknown) => {
      console.error(`${incoming.method} ${incoming.url}`, error)
      if (!outgoing.headersSent) outgoing.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' })
      outgoing.end('Internal Server Error')
    })
  }
  // Keep-alive longer than common load balancers' idle timeouts, so they never reuse a closed socket.
  server.keepAliveTimeout = 65_000
  server.listen(port, () => console.log(`▲ Next.js production server on http://localhost:${port}`))
  let stopping = false
  // As `next start` does: requests in flight (a save, a publish) finish first, then Next.js closes,
  // and the exit code tells which signal stopped it. Connections still busy after 10 s are cut.
  const stop = (signal: 'SIGINT' | 'SIGTERM') => {
    if (stopping) return
    stopping = true
    const cutOff = setTimeout(() => server.closeAllConnections(), 10_000)
    cutOff.unref()
    server.close(() => {
      clearTimeout(cutOff)
      void app
        .close()
        .catch((error: unknown) => console.error(error))
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143))
    })
  }
  process.on('SIGINT', () => stop('SIGINT'))
  process.on('SIGTERM', () => stop('SIGTERM'))
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})

export {}
