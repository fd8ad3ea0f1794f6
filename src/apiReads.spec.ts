import http from 'node:http'
import net from 'node:net'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiReadOf, publishApiReadHandlers } from './apiReads'
import { sendResponse } from './nodeFetch'

type Call = { body: string; cookie: null | string; handler: string; method: string; slug?: string[]; url: string }

const calls: Call[] = []
const record = async (handler: string, request: Request, slug?: string[]) => {
  calls.push({ body: request.method === 'POST' ? await request.text() : '', cookie: request.headers.get('cookie'), handler, method: request.method, slug, url: request.url })
  return Response.json({ handler })
}

// What the server does with each request: the route handler when apiReadOf names one, else "Next.js".
let server: http.Server
let base: string
beforeAll(async () => {
  server = http.createServer((incoming, outgoing) => {
    const read = apiReadOf(incoming, 'localhost', 3000)
    if (!read) return void outgoing.writeHead(299, { 'x-routed-by': 'next' }).end()
    void read().then((response) => sendResponse(response, incoming, outgoing))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as net.AddressInfo).port}`
})
afterAll(async () => {
  server.closeAllConnections()
  await new Promise((resolve) => server.close(resolve))
})

const routedBy = async (path: string, init?: RequestInit) => {
  const response = await fetch(`${base}${path}`, { redirect: 'manual', ...init })
  return response.headers.get('x-routed-by') === 'next' ? 'next' : ((await response.json()) as { handler: string }).handler
}

describe('API reads past Next.js', () => {
  it('leave every request to Next.js until the route modules have published their handlers', async () => {
    expect(await routedBy('/api/articles/1')).toBe('next')
    expect(await routedBy('/api/graphql?query={__typename}')).toBe('next')
  })

  it('call the REST route handler with the URL and the decoded path segments Next.js would give it', async () => {
    publishApiReadHandlers({
      graphql: (request) => record('graphql', request),
      graphqlPost: (request) => record('graphqlPost', request),
      rest: async (request, { params }) => record('rest', request, (await params).slug),
    })
    calls.length = 0
    expect(await routedBy('/api/articles/12?depth=1&where[slug][equals]=%EC%9A%B8%EC%82%B0', { headers: { cookie: 'payload-token=abc' } })).toBe('rest')
    expect(await routedBy('/api/sections/%ED%95%9C%EA%B8%80%2F1')).toBe('rest')
    expect(await routedBy('/api/feeds/sections/news', { headers: { 'x-forwarded-proto': 'https' } })).toBe('rest')
    expect(calls).toEqual([
      { body: '', cookie: 'payload-token=abc', handler: 'rest', method: 'GET', slug: ['articles', '12'], url: 'http://localhost:3000/api/articles/12?depth=1&where[slug][equals]=%EC%9A%B8%EC%82%B0' },
      { body: '', cookie: null, handler: 'rest', method: 'GET', slug: ['sections', '한글/1'], url: 'http://localhost:3000/api/sections/%ED%95%9C%EA%B8%80%2F1' },
      { body: '', cookie: null, handler: 'rest', method: 'GET', slug: ['feeds', 'sections', 'news'], url: 'https://localhost:3000/api/feeds/sections/news' },
    ])
  })

  it('send GraphQL GETs and POSTs to their handlers, the POST body intact', async () => {
    calls.length = 0
    const query = JSON.stringify({ query: '{ Articles(where: { title: { like: "울산" } }) { docs { title } } }' })
    expect(await routedBy('/api/graphql?query=%7B__typename%7D')).toBe('graphql')
    expect(await routedBy('/api/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: query })).toBe('graphqlPost')
    expect(calls.map(({ body, handler, method }) => ({ body, handler, method }))).toEqual([
      { body: '', handler: 'graphql', method: 'GET' },
      { body: query, handler: 'graphqlPost', method: 'POST' },
    ])
  })

  it('answer HEAD as the GET it stands for, without the body', async () => {
    calls.length = 0
    const head = await fetch(`${base}/api/articles/12`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-length')).toBe(String('{"handler":"rest"}'.length))
    expect(await head.text()).toBe('')
    expect(calls).toEqual([{ body: '', cookie: null, handler: 'rest', method: 'GET', slug: ['articles', '12'], url: 'http://localhost:3000/api/articles/12' }])
  })

  it('leave to Next.js what it answers its own way: writes, the playground, redirects, malformed paths, the admin', async () => {
    calls.length = 0
    for (const [path, method] of [
      ['/api/articles/1', 'PATCH'],
      ['/api/articles', 'POST'],
      ['/api/articles/1', 'DELETE'],
      ['/api/graphql', 'OPTIONS'],
      ['/api/graphql-playground', 'GET'],
      ['/api/articles/', 'GET'],
      ['/api//articles', 'GET'],
      ['/api/articles/../users', 'GET'],
      ['/api/./articles', 'GET'],
      ['/api/articles/%E0%A4%A', 'GET'],
      ['/api/articles/%2e%2e/sections', 'GET'],
      ['/api/x/%2E%2E/%2e%2e/admin', 'GET'],
      ['/api/articles\\1', 'GET'],
      ['/api/articles#x?depth=1', 'GET'],
      ['/api/%67raphql', 'GET'],
      ['/api/graphql-playground', 'POST'],
      ['/api', 'GET'],
      ['/apix/articles', 'GET'],
      ['/admin/collections/articles', 'GET'],
    ] as const) {
      // fetch would normalise the dot segments itself: send the path as written.
      const status = await new Promise<number | undefined>((resolve, reject) =>
        http.request(`${base}/`, { method, path }, (response) => resolve(response.headers['x-routed-by'] === 'next' ? 299 : response.statusCode)).on('error', reject).end(),
      )
      expect({ method, path, status }).toEqual({ method, path, status: 299 })
    }
    expect(calls).toEqual([])
  })
})

describe('sendResponse', () => {
  const respond = (response: () => Response) =>
    new Promise<{ body: Buffer; headers: http.IncomingHttpHeaders; status: number | undefined }>((resolve, reject) => {
      const once = http.createServer((incoming, outgoing) => void sendResponse(response(), incoming, outgoing))
      once.listen(0, '127.0.0.1', () => {
        const { port } = once.address() as net.AddressInfo
        resolve(
          new Promise((done, fail) => {
            const request = http.request({ host: '127.0.0.1', port, path: '/', method: currentMethod, headers: currentHeaders }, (answer) => {
              const chunks: Buffer[] = []
              answer.on('data', (chunk: Buffer) => chunks.push(chunk))
              answer.on('end', () => {
                once.close()
                done({ body: Buffer.concat(chunks), headers: answer.headers, status: answer.statusCode })
              })
            })
            request.on('error', fail)
            request.end()
          }),
        )
      })
      once.on('error', reject)
    })
  let currentMethod = 'GET'
  let currentHeaders: Record<string, string> = {}
  const article = { docs: [{ title: '울산시 사회혁신 '.repeat(200) }] }

  it('gzips a compressible body of 1 kB or more for a reader that accepts it, as Next.js does', async () => {
    currentMethod = 'GET'
    currentHeaders = { 'accept-encoding': 'gzip, deflate' }
    const answer = await respond(() => Response.json(article, { headers: { etag: '"a"', vary: 'Origin' } }))
    expect(answer.status).toBe(200)
    expect(answer.headers['content-encoding']).toBe('gzip')
    expect(answer.headers.vary).toBe('Origin, Accept-Encoding')
    expect(answer.headers.etag).toBe('"a"')
    expect(Number(answer.headers['content-length'])).toBe(answer.body.byteLength)
    expect(JSON.parse(zlib.gunzipSync(answer.body).toString('utf8'))).toEqual(article)
  })

  it('sends the body as it is to a reader that refuses gzip, or when small or not text, with Vary only where compression could apply', async () => {
    currentMethod = 'GET'
    currentHeaders = { 'accept-encoding': 'gzip;q=0, identity' }
    const refused = await respond(() => Response.json(article))
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.headers.vary).toBe('Accept-Encoding')
    expect(JSON.parse(refused.body.toString('utf8'))).toEqual(article)
    expect(Number(refused.headers['content-length'])).toBe(refused.body.byteLength)

    currentHeaders = { 'accept-encoding': 'gzip' }
    const small = await respond(() => Response.json({ docs: [] }))
    expect(small.headers['content-encoding']).toBeUndefined()
    expect(small.body.toString('utf8')).toBe('{"docs":[]}')
    const image = await respond(() => new Response(new Uint8Array(4096).fill(7), { headers: { 'content-type': 'image/png' } }))
    expect(image.headers['content-encoding']).toBeUndefined()
    expect(image.headers.vary).toBeUndefined()
    expect(image.body.byteLength).toBe(4096)
    const noTransform = await respond(() => Response.json(article, { headers: { 'cache-control': 'public, no-transform' } }))
    expect(noTransform.headers['content-encoding']).toBeUndefined()
  })

  it('streams a body it does not compress (a file, a byte range even of text) as it comes, never waiting for its end', async () => {
    let received!: () => void
    const firstChunkArrived = new Promise<void>((resolve) => (received = resolve))
    const file = new ReadableStream<Uint8Array>({
      start: (controller) => controller.enqueue(new Uint8Array(64 * 1024).fill(1)),
      // The rest comes only once the reader has the first part: buffering the whole body would wait forever.
      pull: async (controller) => {
        await firstChunkArrived
        controller.enqueue(new Uint8Array(64 * 1024).fill(2))
        controller.close()
      },
    })
    const once = http.createServer(
      (incoming, outgoing) => void sendResponse(new Response(file, { status: 206, headers: { 'content-type': 'text/plain', 'content-range': 'bytes 0-131071/999999' } }), incoming, outgoing),
    )
    await new Promise<void>((resolve) => once.listen(0, '127.0.0.1', resolve))
    try {
      const answer = await new Promise<{ bytes: number; headers: http.IncomingHttpHeaders; status: number | undefined }>((resolve, reject) => {
        http
          .get(`http://127.0.0.1:${(once.address() as net.AddressInfo).port}/`, { headers: { 'accept-encoding': 'gzip' } }, (response) => {
            let bytes = 0
            response.on('data', (chunk: Buffer) => {
              bytes += chunk.byteLength
              received()
            })
            response.on('end', () => resolve({ bytes, headers: response.headers, status: response.statusCode }))
          })
          .on('error', reject)
      })
      expect(answer).toMatchObject({ bytes: 128 * 1024, status: 206 })
      expect(answer.headers['content-range']).toBe('bytes 0-131071/999999')
      expect(answer.headers['content-encoding']).toBeUndefined()
    } finally {
      once.closeAllConnections()
      once.close()
    }
  })

  it('keeps every Set-Cookie, sends 304 without a body and answers HEAD with headers only', async () => {
    currentMethod = 'GET'
    currentHeaders = {}
    const headers = new Headers()
    headers.append('set-cookie', 'a=1; Path=/')
    headers.append('set-cookie', 'b=2; Path=/')
    const cookies = await respond(() => new Response('ok', { headers }))
    expect(cookies.headers['set-cookie']).toEqual(['a=1; Path=/', 'b=2; Path=/'])

    const notModified = await respond(() => new Response(null, { status: 304, headers: { etag: '"a"' } }))
    expect(notModified.status).toBe(304)
    expect(notModified.body.byteLength).toBe(0)

    currentHeaders = { 'accept-encoding': 'gzip' }
    const get = await respond(() => Response.json(article))
    currentMethod = 'HEAD'
    const head = await respond(() => Response.json(article))
    expect(head.status).toBe(200)
    expect(head.body.byteLength).toBe(0)
    // The headers of the GET it stands for.
    expect(head.headers['content-encoding']).toBe('gzip')
    expect(head.headers['content-length']).toBe(String(get.body.byteLength))
  })
})
