import type { Payload } from 'payload'

import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// Distribution with the register-timestamps plugin off (its fields kept), as in an app without it: no
// `revisedAt` moves on publish, so nothing but the comparison with the live article tells an
// update from a no-op.
let payload: Payload
let fixture: NewsroomFixture
let receiver: http.Server
let received: { data: Record<string, unknown>; type: string }[] = []

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push(JSON.parse(body))
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  payload = await bootPayload('distribution-without-timestamps', {
    newsroom: { registerTimestamps: { enabled: false } },
  })
  fixture = await createNewsroom(payload)
  await payload.create({
    collection: 'distribution-channels',
    data: {
      name: '수신기',
      url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
      allowPrivateNetwork: true,
      events: ['article.published', 'article.updated'],
    } as never,
  })
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

describe('article.updated without register-timestamps', () => {
  it('an edit saved as a draft and then published is an update, though the draft already held it; publishing again is not', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { _status: 'published', title: '초안으로 고친 기사' }) as never,
    })
    await payload.jobs.run({ limit: 100 })
    expect(received.map((message) => message.type)).toEqual(['article.published'])
    received = []
    // Autosave keeps the edit in a draft; "Publish changes" then sends no data of its own.
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '초안에서 고친 부제' },
      draft: true,
    })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    await payload.jobs.run({ limit: 100 })
    expect(received.map((message) => message.type)).toEqual(['article.updated'])
    expect(received[0]!.data).toMatchObject({ subtitle: '초안에서 고친 부제' })
    received = []
    // The same publish again (a scheduled publish taken by a second job runner): nothing new.
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    await payload.jobs.run({ limit: 100 })
    expect(received).toHaveLength(0)
  })
})
