import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { RunningApp } from '../helpers/server'

import { startApp } from '../helpers/server'

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('npm start, stopped', () => {
  let app: RunningApp

  beforeAll(async () => {
    app = await startApp({ port: 3918 })
  })
  afterAll(async () => {
    await app?.stop()
  })

  it('finishes a save in flight before it exits, and closes idle connections at once', async () => {
    const login = await fetch(`${app.url}/api/users/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'editor@newsroom.example', password: 'newsroom-demo' }),
    })
    const { token } = (await login.json()) as { token: string }
    const [article] = (
      (await (await fetch(`${app.url}/api/articles?limit=1&depth=0`)).json()) as {
        docs: { id: number }[]
      }
    ).docs

    const { port } = new URL(app.url)
    const connect = () =>
      new Promise<net.Socket>((resolve, reject) => {
        const socket = net.connect(Number(port), '127.0.0.1', () => resolve(socket))
        socket.once('error', reject)
      })
    // A kept-alive connection with nothing in flight.
    const idle = await connect()
    const idleClosed = new Promise((resolve) => idle.once('close', resolve))
    idle.write('GET /api/articles?limit=1&depth=0 HTTP/1.1\r\nHost: localhost\r\n\r\n')
    await new Promise((resolve) => idle.once('data', resolve))

    // A save whose body is still on its way when the server is told to stop.
    const title = `멈추는 중에 저장한 제목 ${Date.now()}`
    const body = JSON.stringify({ title })
    const saving = await connect()
    const chunks: Buffer[] = []
    saving.on('data', (chunk: Buffer) => chunks.push(chunk))
    const saveClosed = new Promise((resolve) => saving.once('close', resolve))
    saving.write(
      `PATCH /api/articles/${article!.id} HTTP/1.1\r\nHost: localhost\r\nAuthorization: JWT ${token}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 5)}`,
    )
    await wait(500)
    const stopped = app.stop()
    await idleClosed
    await wait(500)
    saving.write(body.slice(5))
    await saveClosed
    await stopped
    const answer = Buffer.concat(chunks).toString('utf8')
    expect(answer).toMatch(/^HTTP\/1\.1 200/)
    expect(answer).toContain(title)
  })
})

describe('npm start with a config that cannot load', () => {
  it('stops at start with the reason, instead of serving errors', async () => {
    const listFile = path.join(os.tmpdir(), `allow-list-${Date.now()}.json`)
    fs.writeFileSync(listFile, JSON.stringify(['{ Articles( ']))
    // startApp waits until the API answers 200 or the process exits: an app serving 500s would
    // keep it waiting until its time limit, with another message.
    await expect(
      startApp({ port: 3919, env: { NEWSROOM_GRAPHQL_ALLOWLIST: listFile }, timeoutMs: 120_000 }),
    ).rejects.toThrow(
      /app exited with 1:[\s\S]*cannot start\):.*GraphQL allow-list .*allow-list-\d+\.json: entry 1 does not parse: Syntax Error/,
    )
  })
})
