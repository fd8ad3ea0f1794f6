import type { Payload } from 'payload'

import dgram from 'node:dgram'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { viewLogOf, type ViewLog } from '../../plugins/article-views'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { startRedis, type RunningRedis } from '../helpers/redis'
import { addresses, BROWSER, publishArticle, sleep, token } from './readers'

/**
 * The view log (plugins/article-views/viewLog.ts): beacons the edge answered and logged as syslog
 * over UDP, counted by a listener in this process as the view endpoint counts — sent here as
 * nginx sends them (deploy/nginx.conf, `log_format view_beacon`); the real nginx in front is
 * test/topology's. Memory store, or Redis with READER_COUNTERS_REDIS=1.
 */
const useRedis = process.env.READER_COUNTERS_REDIS === '1'

type ID = number | string

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let redis: RunningRedis | undefined
let viewLog: ViewLog
const sender = dgram.createSocket('udp4')

/** A distinct client address per call (so the per-address limits stay out of the way). */
const address = addresses('10.8')

beforeAll(async () => {
  if (useRedis) redis = await startRedis()
  const store = redis ? { redis: redis.url } : {}
  payload = await bootPayload(useRedis ? 'view-log-redis' : 'view-log', {
    newsroom: {
      articleViews: {
        ...store,
        flushSeconds: 1,
        viewLogListen: '127.0.0.1:0',
        // Not 127.0.0.2: the suite's stranger sends from there.
        viewLogFrom: ['127.0.0.1', '::1'],
        viewsPerAddress: { points: 5, durationSeconds: 60 },
      },
    },
  })
  viewLog = viewLogOf(payload)!
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
}, 180_000)

afterAll(async () => {
  sender.close()
  await viewLog?.close()
  await payload?.destroy()
  await redis?.stop()
})

const publish = (overrides: Record<string, unknown> = {}): Promise<ID> =>
  publishArticle(api, fixture, editor, overrides)

/** A datagram as nginx's `access_log syslog:…,tag=newsroom_views,nohostname view_beacon` sends it. */
const syslogLine = (record: Record<string, string>) =>
  `<190>Dec  8 01:02:03 newsroom_views: ${JSON.stringify({
    path: '/api/articles/1/view',
    address: address(),
    agent: BROWSER,
    token: '',
    cookie: '',
    ...record,
  })}`

/** Sends the datagrams and waits until the listener has received and counted all of them. */
const send = async (lines: string[]) => {
  const before = viewLog.stats().received
  for (const line of lines)
    await new Promise<void>((resolve, reject) =>
      sender.send(line, viewLog.address().port, '127.0.0.1', (error) =>
        error ? reject(error) : resolve(),
      ),
    )
  const deadline = Date.now() + 10_000
  while (viewLog.stats().received < before + lines.length) {
    if (Date.now() > deadline)
      throw new Error(`received ${viewLog.stats().received - before} of ${lines.length}`)
    await sleep(10)
  }
  await viewLog.idle()
}

const beacon = (id: ID, record: Record<string, string> = {}) =>
  syslogLine({ path: `/api/articles/${id}/view`, ...record })

const stored = async (id: ID) =>
  (await payload.findByID({ collection: 'articles', id, depth: 0 })) as unknown as {
    viewCount: number
  }

describe('the view log (beacons answered by the edge)', () => {
  it('counts each browser once, never a bot, a draft, an unknown id or a malformed record', async () => {
    const id = await publish({ title: '조회 기록 기사' })
    const hidden = (
      await api.rest('POST', '/articles?draft=true', {
        body: articleData(fixture, { _status: 'draft', title: '조회 기록 초안' }),
        token: editor,
      })
    ).body.doc.id as ID
    const before = viewLog.stats()
    const reader = token()
    await send([
      // One browser by its token three times (header, header, cookie), four others.
      beacon(id, { token: reader }),
      beacon(id, { token: reader }),
      beacon(id, { cookie: reader }),
      ...Array.from({ length: 4 }, () => beacon(id, { token: token() })),
      // Without a token: the address and User-Agent are the browser.
      beacon(id, { address: '10.7.0.1' }),
      beacon(id, { address: '10.7.0.1' }),
      // Left out.
      beacon(id, { agent: 'Mozilla/5.0 (compatible; Googlebot/2.1)' }),
      beacon(id, { agent: '' }),
      beacon(hidden),
      beacon(999_999_999),
      beacon('not-an-id'),
      beacon(id, { token: 'short' }),
      beacon(id, { path: `/api/articles/${id}/vote` }),
      `<190>Dec  8 01:02:03 newsroom_views: {"path":`,
      'not syslog at all',
    ])
    const after = viewLog.stats()
    const delta = Object.fromEntries(
      Object.entries(after).map(([key, value]) => [
        key,
        value - before[key as keyof typeof before],
      ]),
    )
    expect(delta).toEqual({
      received: 18,
      counted: 6,
      repeated: 3,
      bots: 2,
      unknown: 3,
      limited: 0,
      malformed: 4,
      dropped: 0,
      failed: 0,
      refused: 0,
    })
    // Into the same store as the endpoint's views: most-read now, the database by the flush job.
    const top = await api.rest('GET', '/articles/most-read?window=24h&limit=50')
    expect(top.body.docs.find((doc: { id: ID }) => doc.id === id)?.views).toBe(6)
    expect(top.body.docs.map((doc: { id: ID }) => doc.id)).not.toContain(hidden)
    expect((await stored(id)).viewCount).toBe(0)
    await sleep(1_100)
    await payload.jobs.run({ limit: 100, queue: 'default' })
    expect((await stored(id)).viewCount).toBe(6)
  })

  it('adds a burst of views in batches per article, none lost nor counted twice', async () => {
    const first = await publish({ title: '조회 기록 폭주 1' })
    const second = await publish({ title: '조회 기록 폭주 2' })
    const before = viewLog.stats()
    await send(
      Array.from({ length: 600 }, (_, index) =>
        beacon(index % 3 === 0 ? second : first, { token: token() }),
      ),
    )
    expect(viewLog.stats().counted - before.counted).toBe(600)
    const top = await api.rest('GET', '/articles/most-read?window=24h&limit=50')
    const viewsOf = (id: ID) =>
      top.body.docs.find((doc: { id: ID }) => doc.id === id)?.views as number | undefined
    expect([viewsOf(first), viewsOf(second)]).toEqual([400, 200])
    await sleep(1_100)
    await payload.jobs.run({ limit: 100, queue: 'default' })
    expect([(await stored(first)).viewCount, (await stored(second)).viewCount]).toEqual([400, 200])
  })

  it('refuses records from a sender that is not the edge', async () => {
    const id = await publish({ title: '조회 기록 위조' })
    const stranger = dgram.createSocket('udp4')
    await new Promise<void>((resolve) => stranger.bind(0, '127.0.0.2', () => resolve()))
    const before = viewLog.stats()
    await new Promise<void>((resolve, reject) =>
      stranger.send(beacon(id, { token: token() }), viewLog.address().port, '127.0.0.1', (error) =>
        error ? reject(error) : resolve(),
      ),
    )
    const deadline = Date.now() + 10_000
    while (viewLog.stats().refused === before.refused && Date.now() < deadline) await sleep(10)
    stranger.close()
    const after = viewLog.stats()
    expect(after.refused - before.refused).toBe(1)
    expect(after.received - before.received).toBe(0)
    expect(after.counted - before.counted).toBe(0)
  })

  it('counts a story published a moment after beacons for it were refused', async () => {
    const { body } = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { _status: 'draft', title: '조회 기록 곧 공개' }),
      token: editor,
    })
    const id = body.doc.id as ID
    const before = viewLog.stats()
    await send([beacon(id, { token: token() })])
    expect(viewLog.stats().unknown - before.unknown).toBe(1)
    const published = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'published' },
      token: editor,
    })
    expect(published.status, published.text).toBe(200)
    // "Not public" is remembered for seconds, not the minute a public story's state is.
    await sleep(5_500)
    await send([beacon(id, { token: token() })])
    expect(viewLog.stats().counted - before.counted).toBe(1)
  })

  it('keys an IPv6 reader by their /64, as the endpoint does', async () => {
    const id = await publish({ title: '조회 기록 IPv6' })
    const before = viewLog.stats()
    // Five views from five addresses of one /64 use up its allowance (viewsPerAddress: 5).
    await send(
      Array.from({ length: 6 }, (_, index) =>
        beacon(id, { address: `2001:db8:0:7::${index + 1}`, token: token() }),
      ),
    )
    const after = viewLog.stats()
    expect(after.counted - before.counted).toBe(5)
    expect(after.limited - before.limited).toBe(1)
    // The endpoint sees the same allowance for another address of that /64.
    const limited = await api.rest('POST', `/articles/${id}/view`, {
      headers: {
        'user-agent': BROWSER,
        'x-forwarded-for': '2001:db8:0:7:ffff::1',
        'x-reader-token': token(),
      },
    })
    expect(limited.status).toBe(429)
    // Without a token, a browser is its /64 and User-Agent on both paths: one view.
    const other = await publish({ title: '조회 기록 IPv6 토큰 없음' })
    const viaEndpoint = await api.rest('POST', `/articles/${other}/view`, {
      headers: { 'user-agent': BROWSER, 'x-forwarded-for': '2001:db8:0:8::1' },
    })
    expect(viaEndpoint.status).toBe(204)
    const again = viewLog.stats()
    await send([beacon(other, { address: '2001:db8:0:8::2' })])
    expect(viewLog.stats().repeated - again.repeated).toBe(1)
  })

  it('shares the browser de-duplication and the address limit with the view endpoint', async () => {
    const id = await publish({ title: '조회 기록 중복' })
    const reader = token()
    const viaEndpoint = await api.rest('POST', `/articles/${id}/view`, {
      headers: { 'user-agent': BROWSER, 'x-forwarded-for': address(), 'x-reader-token': reader },
    })
    expect(viaEndpoint.status).toBe(204)
    const before = viewLog.stats()
    await send([beacon(id, { token: reader })])
    expect(viewLog.stats().repeated - before.repeated).toBe(1)
    // Eight browsers behind one address: five counted (viewsPerAddress here), three limited.
    const shared = '10.6.0.1'
    await send(Array.from({ length: 8 }, () => beacon(id, { address: shared, token: token() })))
    const after = viewLog.stats()
    expect(after.counted - before.counted).toBe(5)
    expect(after.limited - before.limited).toBe(3)
    // The endpoint sees the same limit for that address.
    const limited = await api.rest('POST', `/articles/${id}/view`, {
      headers: { 'user-agent': BROWSER, 'x-forwarded-for': shared, 'x-reader-token': token() },
    })
    expect(limited.status).toBe(429)
  })
})
