import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'

let app: RunningApp

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(async () => {
  // Two web workers; the change signal between processes off, so only the purge between the
  // workers can make a sibling drop its memory copy before its lifetime ends.
  app = await startApp({ port: 3918, env: { NEWSROOM_WEB_WORKERS: '2', NEWSROOM_CACHE_SIGNAL_MS: '0', NEWSROOM_CACHE_MEMORY_MS: '60000' } })
})
afterAll(async () => {
  await app?.stop()
})

type Answer = { body: string; cache: string | undefined; status: number | undefined }

/** A GET on a connection of its own: the cluster hands new connections to the workers in turn. */
const getOnNewConnection = (path: string): Promise<Answer> =>
  new Promise((resolve, reject) => {
    http
      .get(`${app.url}${path}`, { agent: false }, (response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => (body += chunk))
        response.on('end', () => resolve({ body, cache: response.headers['x-newsroom-cache'] as string | undefined, status: response.statusCode }))
      })
      .on('error', reject)
  })

const articlePath = '/api/articles?where[slug][equals]=ulsan-social-innovation&depth=1'
const readSix = () => Promise.all(Array.from({ length: 6 }, () => getOnNewConnection(articlePath)))

describe('several web workers', () => {
  it('each serve, and a save made through one is what every worker answers next', async () => {
    const first = await readSix()
    expect(first.map((answer) => answer.status)).toEqual(Array(6).fill(200))
    // One miss per worker: each builds its own memory copy.
    expect(first.filter((answer) => answer.cache === 'miss')).toHaveLength(2)
    expect((await readSix()).every((answer) => answer.cache === 'hit')).toBe(true)

    const login = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'admin@newsroom.example', password: 'newsroom-demo' }),
    })
    const { token } = (await login.json()) as { token: string }
    const id = JSON.parse(first[0]!.body).docs[0].id
    const title = `두 워커 모두 새 제목 ${Date.now()}`
    const patch = await fetch(`${app.url}/api/articles/${id}`, {
      method: 'PATCH',
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title }),
    })
    expect(patch.status).toBe(200)

    const after = await readSix()
    expect(after.map((answer) => JSON.parse(answer.body).docs[0].title)).toEqual(Array(6).fill(title))
  })

  it('know a persisted GraphQL query in every worker once one was sent it', async () => {
    const query = `query { Articles(limit: 1, where: { slug: { equals: "ulsan-social-innovation" } }) { docs { title } } } # ${Date.now()}`
    const sha256Hash = crypto.createHash('sha256').update(query).digest('hex')
    const byHash = `/api/graphql?extensions=${encodeURIComponent(JSON.stringify({ persistedQuery: { version: 1, sha256Hash } }))}`
    expect(JSON.parse((await getOnNewConnection(byHash)).body).errors[0].message).toBe('PersistedQueryNotFound')
    const registered = await getOnNewConnection(`${byHash}&query=${encodeURIComponent(query)}`)
    expect(JSON.parse(registered.body).data.Articles.docs).toHaveLength(1)
    // New connections go to the workers in turn: both must answer the hash alone.
    const answers = await Promise.all(Array.from({ length: 4 }, () => getOnNewConnection(byHash)))
    expect(answers.map((answer) => JSON.parse(answer.body).data?.Articles.docs.length)).toEqual([1, 1, 1, 1])
  })

  // Last: it stops the server.
  it('stop only after answering a request in progress, closing idle connections at once', async () => {
    const { port } = new URL(app.url)
    const connect = () =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => resolve(socket))
        socket.once('error', reject)
      })
    const idle = await connect()
    const idleClosed = new Promise((resolve) => idle.once('close', resolve))
    idle.write('GET /api/articles?limit=1&depth=0 HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await new Promise((resolve) => idle.once('data', resolve))

    // A login whose body is still on its way when the server is told to stop.
    const body = JSON.stringify({ email: 'admin@newsroom.example', password: 'newsroom-demo' })
    const uploading = await connect()
    let answer = ''
    uploading.on('data', (chunk: Buffer) => (answer += chunk.toString()))
    const uploadClosed = new Promise((resolve) => uploading.once('close', resolve))
    uploading.write(`POST /api/users/login HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`)
    await wait(500)
    const stopped = app.stop()
    await idleClosed
    await wait(500)
    uploading.write(body.slice(10))
    await uploadClosed
    await stopped
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(answer.toLowerCase()).toContain('connection: close')
    expect(answer).toContain('"token"')
  })
})

describe('a config that cannot load', () => {
  it('stops the server at start with the reason, instead of serving errors', async () => {
    const listFile = path.join(os.tmpdir(), `allow-list-${Date.now()}.json`)
    fs.writeFileSync(listFile, JSON.stringify(['{ Articles( ']))
    const started = Date.now()
    await expect(startApp({ port: 3919, env: { NEWSROOM_GRAPHQL_ALLOWLIST: listFile }, timeoutMs: 120_000 })).rejects.toThrow(
      /app exited with 1:[\s\S]*cannot start\):.*GraphQL allow-list .*allow-list-\d+\.json: entry 1 does not parse: Syntax Error/,
    )
    // It stopped by itself, long before the wait for it to answer ran out.
    expect(Date.now() - started).toBeLessThan(110_000)
  })
})
