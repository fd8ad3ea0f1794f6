/**
 * P0, the baseline of a fresh article read: plain Payload, in-process, behind a bare node:http
 * server — `GET /<id>` answers `payload.findByID({ depth: 1 })` of the hook-less copy of
 * `articles` (`bench-plain-articles`, NEWSROOM_BENCH=1; the same stored rows, see corpus.ts) as
 * JSON. No Next.js, no REST handler, no access rules, no hooks: what any read of ours costs at
 * least. Database: DATABASE_URI (the corpus's SQLite file or its PostgreSQL copy). Port: PORT.
 */
import http from 'node:http'

import { getPayload } from 'payload'

import configPromise, { BENCH_PLAIN_ARTICLES } from '../../src/payload.config'

const payload = await getPayload({ config: await configPromise, cron: false })

const server = http.createServer((request, response) => {
  const id = Number(/^\/(\d+)/.exec(request.url ?? '')?.[1])
  if (!id) {
    response.writeHead(request.url === '/health' ? 200 : 404).end()
    return
  }
  payload.findByID({ collection: BENCH_PLAIN_ARTICLES as 'articles', id, depth: 1 }).then(
    (doc) => {
      const body = JSON.stringify(doc)
      response
        .writeHead(200, {
          'content-type': 'application/json; charset=utf-8',
          'content-length': Buffer.byteLength(body),
        })
        .end(body)
    },
    (error: unknown) => {
      const status = (error as { status?: number }).status ?? 500
      response.writeHead(status, { 'content-type': 'text/plain' }).end(String(error))
    },
  )
})
server.listen(Number(process.env.PORT || 8102), '127.0.0.1')

const stop = () => server.close(() => void payload.destroy().finally(() => process.exit(0)))
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
