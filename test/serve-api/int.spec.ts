import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { freshDatabaseUri } from '../helpers/payload'

const root = path.resolve(import.meta.dirname, '..', '..')
const port = 3931
const base = `http://127.0.0.1:${port}/api`
let server: ChildProcess
let output = ''

beforeAll(async () => {
  const dataDir = path.join(root, 'test', '.tmp', `serve-api-${Date.now()}`)
  fs.mkdirSync(dataDir, { recursive: true })
  // Exactly what `npm run serve:api` runs, on a database of its own with the demo newsroom.
  server = spawn(process.execPath, ['--conditions=production', '--import', 'tsx', 'src/bin/serveApi.ts'], {
    cwd: root,
    detached: true,
    env: { ...process.env, DATABASE_URI: await freshDatabaseUri('serve-api'), NEWSROOM_DATA_DIR: dataDir, NEWSROOM_SEED: 'demo', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  server.stdout?.on('data', (chunk) => (output += chunk))
  server.stderr?.on('data', (chunk) => (output += chunk))
  const deadline = Date.now() + 90_000
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`serve:api exited with ${server.exitCode}:\n${output}`)
    try {
      if ((await fetch(`${base}/articles?limit=1`)).ok) return
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500))
  }
  throw new Error(`serve:api did not answer:\n${output}`)
}, 120_000)

afterAll(async () => {
  if (server?.exitCode === null) {
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

  it('answers 404 outside the API', async () => {
    expect((await fetch(`http://127.0.0.1:${port}/admin`)).status).toBe(404)
  })
})
