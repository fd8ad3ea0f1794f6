import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshDatabaseUri } from '../helpers/payload'

const root = path.resolve(import.meta.dirname, '..', '..')
const port = 3931
const base = `http://127.0.0.1:${port}/api`
// A second server on the same database, as behind a load balancer.
const otherBase = `http://127.0.0.1:${port + 1}/api`
const servers: ChildProcess[] = []
let output = ''

/** Exactly what `npm run serve:api` runs. */
const startServer = async (env: Record<string, string>, url: string) => {
  const server = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/bin/serveApi.ts'], {
    cwd: root,
    detached: true,
    // Memory copies that would outlive the suite: only the change signal can make another
    // process's change visible in time.
    env: { ...process.env, NEWSROOM_CACHE_MEMORY_MS: '600000', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  servers.push(server)
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`serve:api exited with ${server.exitCode}:\n${output}`)
    try {
      if ((await fetch(`${url}/articles?limit=1`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`serve:api did not answer:\n${output}`)
}

beforeAll(async () => {
  const dataDir = path.join(root, 'test', '.tmp', `serve-api-${Date.now()}`)
  fs.mkdirSync(dataDir, { recursive: true })
  const database = { DATABASE_URI: await freshDatabaseUri('serve-api'), NEWSROOM_DATA_DIR: dataDir }
  // A database of its own with the demo newsroom; the second server starts once it is seeded.
  await startServer({ ...database, NEWSROOM_SEED: 'demo', PORT: String(port) }, base)
  await startServer({ ...database, NEWSROOM_SEED: 'off', PORT: String(port + 1) }, otherBase)
}, 200_000)

afterAll(async () => {
  for (const server of servers) {
    if (server.exitCode !== null) continue
    process.kill(-server.pid!, 'SIGTERM')
    await new Promise((resolve) => server.once('exit', resolve))
  }
})

describe('npm run serve:api', () => {
  it('serves REST with the same caching as the Next.js app', async () => {
    const first = await fetch(`${base}/articles?limit=3&sort=-registeredAt`)
    expect(first.status).toBe(200)
    expect((await first.json()).docs).toHaveLength(3)
    expect(first.headers.get('cache-control')).toContain('s-maxage=')
    expect(first.headers.get('surrogate-key')).toContain('articles:list')
    const second = await fetch(`${base}/articles?limit=3&sort=-registeredAt`, { headers: { 'if-none-match': first.headers.get('etag')! } })
    expect(second.status).toBe(304)
    expect(second.headers.get('x-newsroom-cache')).toBe('hit')
    expect(second.headers.get('etag')).toBe(first.headers.get('etag'))
  })

  // Raw bytes: fetch would ask for gzip and undo it.
  const get = (pathAndQuery: string, headers: Record<string, string> = {}, method = 'GET') =>
    new Promise<{ body: Buffer; headers: http.IncomingHttpHeaders; status: number }>((resolve, reject) => {
      http
        .request(`http://127.0.0.1:${port}${pathAndQuery}`, { headers, method }, (response) => {
          const chunks: Buffer[] = []
          response.on('data', (chunk: Buffer) => chunks.push(chunk))
          response.on('end', () => resolve({ body: Buffer.concat(chunks), headers: response.headers, status: response.statusCode! }))
        })
        .on('error', reject)
        .end()
    })

  it('answers a stored read gzipped to readers that accept it, and finds it under either spelling of its query', async () => {
    const raw = '/api/articles?where[_status][equals]=published&limit=5&sort=-registeredAt'
    const encoded = '/api/articles?where%5B_status%5D%5Bequals%5D=published&limit=5&sort=-registeredAt'
    const first = await get(raw)
    expect(first.status).toBe(200)
    expect(first.headers['x-newsroom-cache']).toBe('miss')
    const plain = await get(encoded)
    expect(plain.headers['x-newsroom-cache']).toBe('hit')
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.equals(first.body)).toBe(true)
    const zipped = await get(raw, { 'accept-encoding': 'br;q=1, gzip;q=0.8' })
    expect(zipped.headers['x-newsroom-cache']).toBe('hit')
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toMatch(/accept-encoding/i)
    expect(zipped.headers.etag).toBe(first.headers.etag)
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength)
    expect(zipped.body.byteLength).toBeLessThan(first.body.byteLength)
    expect(zlib.gunzipSync(zipped.body).equals(first.body)).toBe(true)
    // Refused explicitly: the same bytes as stored.
    const refused = await get(raw, { 'accept-encoding': 'gzip;q=0, identity' })
    expect(refused.headers['content-encoding']).toBeUndefined()
    expect(refused.body.equals(first.body)).toBe(true)
  })

  it('gzips a fresh read as Next.js would, and answers HEAD as the GET without its body', async () => {
    const fresh = `/api/articles?limit=4&sort=-registeredAt&fresh=${Date.now()}`
    const zipped = await get(fresh, { 'accept-encoding': 'gzip' })
    expect(zipped.status).toBe(200)
    expect(zipped.headers['x-newsroom-cache']).toBe('miss')
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toMatch(/accept-encoding/i)
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.byteLength)
    expect(JSON.parse(zlib.gunzipSync(zipped.body).toString('utf8')).docs).toHaveLength(4)
    const head = await get(fresh, {}, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.body.byteLength).toBe(0)
    expect(head.headers.etag).toBe(zipped.headers.etag)
    expect(head.headers['surrogate-key']).toBe(zipped.headers['surrogate-key'])
  })

  it('serves GraphQL over POST and GET, and feeds', async () => {
    const query = '{ Articles(limit: 2) { docs { title regionLabel } } }'
    const post = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query }) })
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent(query)}`)
    expect((await post.json()).data.Articles.docs).toHaveLength(2)
    expect((await get.json()).data.Articles.docs).toHaveLength(2)
    const feed = await fetch(`${base}/feeds/rss.xml`)
    expect(feed.headers.get('content-type')).toContain('xml')
    expect(await feed.text()).toContain('<rss')
  })

  it('shows a change made through it to the very next request', async () => {
    const login = await fetch(`${base}/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@newsroom.example', password: 'newsroom-demo' }),
    })
    expect(login.status).toBe(200)
    const { token } = await login.json()
    const article = (await (await fetch(`${base}/articles?limit=1&sort=-registeredAt`)).json()).docs[0]
    await fetch(`${base}/articles/${article.id}`)
    expect((await fetch(`${base}/articles/${article.id}`)).headers.get('x-newsroom-cache')).toBe('hit')
    const patch = await fetch(`${base}/articles/${article.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '방금 고친 제목' }),
    })
    expect(patch.status).toBe(200)
    expect((await (await fetch(`${base}/articles/${article.id}`)).json()).title).toBe('방금 고친 제목')
  })

  it('shows a change made through one server on another within moments, not when its memory copy expires', async () => {
    const login = await fetch(`${base}/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@newsroom.example', password: 'newsroom-demo' }),
    })
    const { token } = await login.json()
    const article = (await (await fetch(`${otherBase}/articles?limit=1&sort=registeredAt`)).json()).docs[0]
    // The previous test's change may still be on its way to this server and empty its copy once
    // more: read until the copy holds.
    let cached = await fetch(`${otherBase}/articles/${article.id}`)
    for (const started = Date.now(); cached.headers.get('x-newsroom-cache') !== 'hit' && Date.now() - started < 5_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 100))
      cached = await fetch(`${otherBase}/articles/${article.id}`)
    }
    expect(cached.headers.get('x-newsroom-cache')).toBe('hit')
    expect((await cached.json()).title).toBe(article.title)
    const patch = await fetch(`${base}/articles/${article.id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: '다른 서버에서 고친 제목' }),
    })
    expect(patch.status).toBe(200)
    const changedAt = Date.now()
    let seen = ''
    while (Date.now() - changedAt < 5_000) {
      seen = (await (await fetch(`${otherBase}/articles/${article.id}`)).json()).title
      if (seen === '다른 서버에서 고친 제목') break
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    expect(seen).toBe('다른 서버에서 고친 제목')
    // The default signal interval is 250 ms; allow for a loaded machine.
    expect(Date.now() - changedAt).toBeLessThan(2_000)
  })

  it('answers 404 outside the API', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/admin`)).status).toBe(404)
  })
})
