import type { Payload } from 'payload'

import { Redis } from 'ioredis'
import { afterAll, beforeAll, expect, it } from 'vitest'

import type { RunningRedis } from '../helpers/redis'

import { createRequestLimits } from '../../plugins/shared/requestLimits'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { startRedis } from '../helpers/redis'

let redis: RunningRedis
let payload: Payload

beforeAll(async () => {
  redis = await startRedis()
  payload = await bootPayload('reader-reports-redis', {
    newsroom: {
      readerReports: { redis: redis.url, perClient: { points: 3, durationSeconds: 600 } },
      inquiries: { redis: redis.url, perClient: { points: 2, durationSeconds: 600 } },
    },
  })
})
afterAll(async () => {
  await payload?.destroy()
  await redis?.stop()
})

it('counts reports and inquiries per address in Redis, shared with every other app process', async () => {
  const api = apiClient(payload)
  const fixture = await createNewsroom(payload)
  const article = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published' }) as never,
  })
  const from = '192.0.2.10'
  // The app's connection opens with its first count (until then the limits count in memory).
  const warmUp = { name: '가', email: 'w@example.org', subject: '준비', message: '준비' }
  await api.rest('POST', '/inquiries', {
    body: warmUp,
    headers: { 'x-forwarded-for': '192.0.2.99' },
  })
  await api.rest('POST', '/reports', {
    body: { article: article.id, reason: 'other' },
    headers: { 'x-forwarded-for': '192.0.2.99' },
  })
  await new Promise((resolve) => setTimeout(resolve, 500))
  // Another app process, counting in the same Redis: two of the three reports an hour.
  const client = new Redis(redis.url)
  await client.ping()
  const elsewhere = createRequestLimits({
    redis: client,
    keyPrefix: 'reader-reports',
    limits: { client: { points: 3, durationSeconds: 600 } },
  })
  const req = { headers: new Headers() } as never
  await elsewhere.consume(req, 'client', from)
  await elsewhere.consume(req, 'client', from)
  const post = (path: string, body: Record<string, unknown>, token: string) =>
    api.rest('POST', path, {
      body,
      headers: { 'x-forwarded-for': from, 'x-reader-token': token },
    })
  expect((await post('/reports', { article: article.id, reason: 'spam' }, 'one')).status).toBe(201)
  const over = await post('/reports', { article: article.id, reason: 'spam' }, 'two')
  expect(over.status).toBe(429)
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
  await elsewhere.close()
  client.disconnect()

  const inquiry = { name: '홍길동', email: 'a@example.org', subject: '문의', message: '내용' }
  expect((await post('/inquiries', inquiry, 'x')).status).toBe(201)
  expect((await post('/inquiries', inquiry, 'x')).status).toBe(201)
  expect((await post('/inquiries', inquiry, 'x')).status).toBe(429)
})
