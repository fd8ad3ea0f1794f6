import type { IncomingHttpHeaders } from 'node:http'
import type { Payload } from 'payload'

import http from 'node:http'
import { createLocalReq } from 'payload'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { databaseKind } from '../../src/database'
import { apiClient, cachedReader } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { onFerretDB } from '../helpers/mongoCompat'

type Received = { body: string; headers: IncomingHttpHeaders; path: string }

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let admin: string
let received: Received[] = []
let respond: (path: string) => { headers?: Record<string, string>; status: number } = () => ({
  status: 200,
})
let receiver: http.Server
let base = ''

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, headers: request.headers, path: request.url ?? '' })
      const answer = respond(request.url ?? '')
      response.writeHead(answer.status, answer.headers).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`
  payload = await bootPayload('distribution', {
    newsroom: { distribution: { retrySchedule: [300, 300, 300] } },
    configure: (config) => ({
      ...config,
      plugins: [
        ...(config.plugins ?? []),
        // A later hook that fails: the save rolls back, and with it the queued deliveries.
        (incoming) => ({
          ...incoming,
          collections: incoming.collections?.map((collection) =>
            collection.slug === 'articles'
              ? {
                  ...collection,
                  hooks: {
                    ...collection.hooks,
                    afterChange: [
                      ...(collection.hooks?.afterChange ?? []),
                      ({ doc }) => {
                        if (doc.title === '롤백될 저장')
                          throw new Error('simulated failure after the change')
                        return doc
                      },
                    ],
                  },
                }
              : collection,
          ),
        }),
      ],
    }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  admin = await api.login(loginEmails().admin, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})
beforeEach(async () => {
  received = []
  respond = () => ({ status: 200 })
  await payload.delete({ collection: 'distribution-channels', where: { id: { exists: true } } })
  await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
  await payload.delete({ collection: 'webhook-deliveries', where: { id: { exists: true } } })
})

const createChannel = async (fields: Record<string, unknown> = {}) => {
  const { body, status } = await api.rest('POST', '/distribution-channels', {
    body: { name: '수신기', url: `${base}/hook`, allowPrivateNetwork: true, ...fields },
    token: admin,
  })
  expect(status).toBe(201)
  return body.doc as { id: number | string; secret: string }
}

/** Runs the jobs that are due now. */
const drain = async () => {
  await payload.jobs.run({ limit: 100 })
}

/** Keeps running due jobs (retries included) until `isDone`, or fails after `timeoutMs`. */
const drainUntil = async (isDone: () => boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs
  while (!isDone()) {
    if (Date.now() > deadline)
      throw new Error(`jobs did not finish in ${timeoutMs} ms (received ${received.length})`)
    await payload.jobs.run({ limit: 100 })
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  // Anything still due (there should be nothing) would show up as an extra request.
  await new Promise((resolve) => setTimeout(resolve, 500))
  await payload.jobs.run({ limit: 100 })
}

const verified = (secret: string, message: Received) =>
  new Webhook(secret).verify(message.body, message.headers as Record<string, string>) as {
    data: Record<string, unknown>
    type: string
  }

const publish = (overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published', ...overrides }) as never,
  })

describe('events', () => {
  it('publish, update, unpublish, re-publish and delete each reach the channel once, signed; a draft save sends nothing', async () => {
    const channel = await createChannel()
    const article = await publish({ title: '배포 기사' })
    await payload.update({ collection: 'articles', id: article.id, data: { subtitle: '수정' } })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '초안만' },
      draft: true,
    })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    await payload.delete({ collection: 'articles', id: article.id })
    await drain()
    // Jobs may run in parallel: receivers order events by the body's timestamp, and so does this test.
    const messages = received
      .map(
        (message) =>
          verified(channel.secret, message) as {
            data: Record<string, unknown>
            timestamp: string
            type: string
          },
      )
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp))
    expect(messages.map((message) => message.type)).toEqual([
      'article.published',
      'article.updated',
      'article.unpublished',
      // Live again after an unpublish: channels that removed it must add it back.
      'article.published',
      'article.deleted',
    ])
    expect(messages[0]!.data).toMatchObject({
      title: '배포 기사',
      regionLabel: '울산시',
      slug: article.slug,
    })
    expect(messages[4]!.data).toMatchObject({ id: article.id, title: '배포 기사' })
    const deliveries = await payload.find({ collection: 'webhook-deliveries', limit: 100 })
    expect(
      deliveries.docs.every(
        (delivery) => delivery.status === 'succeeded' && delivery.httpStatus === 200,
      ),
    ).toBe(true)
  })

  it('a publish sent with `draft` (Payload writes the live document when `_status` is published) reaches the channel', async () => {
    const channel = await createChannel({ events: ['article.published'] })
    const article = await payload.create({
      collection: 'articles',
      draft: true,
      data: articleData(fixture, { _status: 'draft', title: '초안 표시로 게시' }) as never,
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      draft: true,
      data: { _status: 'published' },
    })
    await drain()
    const messages = received.map((message) => verified(channel.secret, message))
    expect(messages.map((message) => message.type)).toEqual(['article.published'])
    expect(messages[0]!.data).toMatchObject({ id: article.id, title: '초안 표시로 게시' })
  })

  it('restoring an old version as a draft sends nothing: the live article stays as it was', async () => {
    const channel = await createChannel({
      events: ['article.published', 'article.updated', 'article.unpublished', 'cache.purge'],
    })
    const article = await publish({ title: '복원할 기사' })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '복원할 기사 (고침)' },
    })
    await drain()
    received = []
    const versions = await payload.findVersions({
      collection: 'articles',
      sort: 'createdAt',
      where: { parent: { equals: article.id } },
    })
    const restored = await api.rest(
      'POST',
      `/articles/versions/${versions.docs[0]!.id}?draft=true`,
      { token: admin },
    )
    expect(restored.status, restored.text).toBe(200)
    await drain()
    expect(received.map((message) => verified(channel.secret, message).type)).toEqual([])
    const live = await payload.findByID({ collection: 'articles', id: article.id, draft: false })
    expect(live).toMatchObject({ _status: 'published', title: '복원할 기사 (고침)' })
  })

  it('an update that changes nothing channels receive sends only the purge: a scheduled publish run twice, Save pressed twice', async () => {
    const channel = await createChannel({
      events: ['article.published', 'article.updated', 'cache.purge'],
    })
    const types = () => received.map((message) => verified(channel.secret, message).type).sort()
    const article = await publish({ title: '두 번 게시된 기사' })
    await drain()
    expect(types()).toEqual(['article.published', 'cache.purge'])
    received = []
    // What Payload's schedulePublish task does, run a second time by another job runner.
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'published' } })
    // The admin's Save on an unchanged article sends the whole document back.
    const stored = await payload.findByID({ collection: 'articles', id: article.id, depth: 1 })
    const { id: _id, createdAt: _createdAt, updatedAt: _updatedAt, ...unchanged } = stored
    await payload.update({ collection: 'articles', id: article.id, data: unchanged as never })
    await drain()
    // Our own responses may have changed (updatedAt): the purge still goes out.
    expect(types()).toEqual(['cache.purge', 'cache.purge'])
    received = []
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '이제 바뀐 부제' },
    })
    await drain()
    expect(types()).toEqual(['article.updated', 'cache.purge'])
  })

  it('honour the event list and the section and region filters (a 시도 includes its 시군구)', async () => {
    const hongseong = await payload.create({
      collection: 'regions',
      data: { code: '4480000000', name: '홍성군', fullName: '충청남도 홍성군' },
    })
    const onlyChungnam = await createChannel({ name: '충남', regions: [fixture.regions.chungnam] })
    const otherSection = await createChannel({
      name: '다른 섹션',
      sections: [fixture.sections.home],
    })
    const deletesOnly = await createChannel({ name: '삭제만', events: ['article.deleted'] })
    await publish({ title: '홍성 기사', region: hongseong.id })
    await publish({ title: '울산 기사', region: fixture.regions.ulsan })
    await drain()
    const bySecret = (channel: { secret: string }) =>
      received.flatMap((message) => {
        try {
          return [verified(channel.secret, message).data.title]
        } catch {
          return []
        }
      })
    expect(bySecret(onlyChungnam)).toEqual(['홍성 기사'])
    expect(bySecret(otherSection)).toEqual([])
    expect(bySecret(deletesOnly)).toEqual([])
  })

  it('a save that rolls back sends nothing', async () => {
    await createChannel()
    await expect(publish({ title: '롤백될 저장' })).rejects.toThrow()
    await drain()
    // Without transactions (Payload's SQLite adapter; FerretDB, see test/helpers/mongoCompat.ts)
    // the article itself stays; on PostgreSQL and MongoDB both the article and its queued
    // deliveries are rolled back.
    if (databaseKind() !== 'sqlite' && !onFerretDB) expect(received).toEqual([])
    expect(received.length).toBeLessThanOrEqual(1)
  })
})

describe('cache.purge', () => {
  it('purges at a CDN the page of the article a new one follows in its section, and not the page of an article elsewhere', async () => {
    const cdn = await createChannel({ name: 'CDN', events: ['cache.purge'] })
    const read = cachedReader(payload)
    const pageOf = async (slug: string) => {
      const response = await read(
        `/articles?where[slug][equals]=${encodeURIComponent(slug)}&depth=1&limit=1`,
      )
      return {
        body: await response.json(),
        keys: response.headers.get('surrogate-key')!.split(' '),
      }
    }
    const older = await publish({ title: '앞선 기사', registeredAt: '2026-11-01T01:00:00.000Z' })
    const before = await pageOf(older.slug as string)
    expect(before.body.docs[0].id).toBe(older.id)
    // Another region and byline: only the section links it to the older article.
    const newer = await publish({
      title: '뒤따른 기사',
      region: fixture.regions.chungnam,
      reporters: [fixture.reporters.park],
      registeredAt: '2026-11-01T02:00:00.000Z',
    })
    // A section of its own: the page names its section's parent too (the populated section links to it).
    const farSection = await payload.create({ collection: 'sections', data: { name: '먼 섹션' } })
    const elsewhere = await publish({
      title: '다른 곳 기사',
      section: farSection.id,
      region: fixture.regions.chungnam,
      reporters: [fixture.reporters.park],
      registeredAt: '2026-11-01T03:00:00.000Z',
    })
    await drain()
    const purgeOf = (id: unknown) =>
      received
        .map(
          (message) =>
            verified(cdn.secret, message) as unknown as {
              data: { article: unknown; keys: string[] }
            },
        )
        .find((purge) => purge.data.article === id)!.data.keys
    // The older article's page now shows the newer one as its next article: the purge must reach it.
    expect((await pageOf(older.slug as string)).body.docs[0].adjacent.newer.id).toBe(newer.id)
    expect(purgeOf(newer.id).filter((key) => before.keys.includes(key))).toContain(
      `sections:${fixture.sections.news}`,
    )
    // An article in another section, region and byline changes nothing on it: its purge reaches
    // the page only through an article both show (a suggestion of the new one), never a list.
    const stored = await payload.findByID({ collection: 'articles', id: elsewhere.id, depth: 0 })
    const linked = [...(stored.relatedArticles ?? []), ...(stored.relatedSuggestions ?? [])].map(
      (value) => `articles:${typeof value === 'object' ? value.id : value}`,
    )
    expect(before.keys).not.toContain('articles:list')
    expect(
      purgeOf(elsewhere.id).filter((key) => before.keys.includes(key) && !linked.includes(key)),
    ).toEqual([])
  })

  it('tells a subscribed CDN channel which surrogate keys and URLs to drop after each article event, and nobody else', async () => {
    const cdn = await createChannel({ name: 'CDN', events: ['cache.purge'] })
    const articlesOnly = await createChannel({ name: '포털' })
    expect(articlesOnly).toBeDefined()
    process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
    const article = await publish({
      title: '캐시 비우기',
      reporters: [fixture.reporters.kim, fixture.reporters.park],
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { section: fixture.sections.home as number },
    })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '초안' },
      draft: true,
    })
    await drain()
    const purges = received
      .filter((message) => JSON.parse(message.body).type === 'cache.purge')
      .map(
        (message) =>
          verified(cdn.secret, message) as unknown as {
            data: { article: unknown; keys: string[]; reason: string; urls: string[] }
            timestamp: string
          },
      )
      .sort((a, b) => a.timestamp.localeCompare(b.timestamp))
    expect(purges.map((purge) => purge.data.reason)).toEqual([
      'article.published',
      'article.updated',
      'article.unpublished',
    ])
    // Moved to another section: both sections' pages are named.
    expect(purges[1]!.data.keys).toEqual(
      expect.arrayContaining([
        `sections:${fixture.sections.news}`,
        `sections:${fixture.sections.home}`,
      ]),
    )
    expect(purges[0]!.data.keys).toEqual(
      expect.arrayContaining([
        `articles:${article.id}`,
        `sections:${fixture.sections.news}`,
        `regions:${fixture.regions.ulsan}`,
        `reporters:${fixture.reporters.kim}`,
        `reporters:${fixture.reporters.park}`,
        'articles:list',
      ]),
    )
    expect(purges[0]!.data.urls).toEqual([
      `https://news.example.kr/news/${encodeURIComponent(article.slug as string)}`,
    ])
    // The portal channel keeps its default events: no purge reaches it.
    expect(
      received
        .filter((message) => JSON.parse(message.body).type !== 'cache.purge')
        .map((message) => JSON.parse(message.body).type)
        .sort(),
    ).toEqual(['article.published', 'article.unpublished', 'article.updated'])
  })
})

describe('delivery', () => {
  it('retries a receiver that is down with the same webhook-id until it answers', async () => {
    const channel = await createChannel()
    let calls = 0
    respond = () => (++calls <= 2 ? { status: 503 } : { status: 204 })
    await publish({ title: '재시도 기사' })
    await drainUntil(() => received.length >= 3)
    expect(received).toHaveLength(3)
    expect(new Set(received.map((message) => message.headers['webhook-id'])).size).toBe(1)
    for (const message of received) verified(channel.secret, message)
    const statuses = (
      await payload.find({ collection: 'webhook-deliveries', sort: 'attempt' })
    ).docs.map((delivery) => [delivery.attempt, delivery.status])
    expect(statuses).toEqual([
      [1, 'retrying'],
      [2, 'retrying'],
      [3, 'succeeded'],
    ])
  })

  it('marks the delivery failed after the last retry and shows it in the channel health', async () => {
    const channel = await createChannel()
    respond = () => ({ status: 500 })
    await publish({ title: '실패 기사' })
    await drainUntil(() => received.length >= 4)
    expect(received).toHaveLength(4)
    const last = (
      await payload.find({ collection: 'webhook-deliveries', sort: '-attempt', limit: 1 })
    ).docs[0]!
    expect(last).toMatchObject({ attempt: 4, status: 'failed', httpStatus: 500 })
    const health = await payload.findByID({ collection: 'distribution-channels', id: channel.id })
    expect(health).toMatchObject({ lastStatus: 'failed', consecutiveFailures: 4 })
  })

  it('disables the channel on 410 Gone', async () => {
    const channel = await createChannel()
    respond = () => ({ status: 410 })
    await publish({ title: '410 기사' })
    await drainUntil(() => received.length >= 1)
    expect(received).toHaveLength(1)
    expect(
      await payload.findByID({ collection: 'distribution-channels', id: channel.id }),
    ).toMatchObject({ active: false })
  })

  it('does not follow redirects', async () => {
    await createChannel()
    respond = (path) =>
      path === '/hook'
        ? { status: 302, headers: { location: `${base}/elsewhere` } }
        : { status: 200 }
    await publish({ title: '리다이렉트 기사' })
    await drain()
    expect(received.map((message) => message.path)).not.toContain('/elsewhere')
    expect(received[0]?.path).toBe('/hook')
    const first = (await payload.find({ collection: 'webhook-deliveries', sort: 'attempt' }))
      .docs[0]
    expect(first).toMatchObject({ attempt: 1, status: 'retrying', httpStatus: 302 })
  })

  it.each([
    ['loopback', 'http://127.0.0.1:9/hook'],
    ['a private network', 'http://10.0.0.1/hook'],
    ['the cloud metadata address', 'http://169.254.169.254/latest/meta-data'],
  ])(
    'refuses a channel addressed to %s when it is saved, unless it allows private networks',
    async (_name, url) => {
      const { body, status } = await api.rest('POST', '/distribution-channels', {
        body: { name: '내부망', url, allowPrivateNetwork: false },
        token: admin,
      })
      expect(status).toBe(400)
      expect(body.errors[0].data.errors).toEqual([
        expect.objectContaining({
          path: 'url',
          message: expect.stringMatching(/private or loopback/),
        }),
      ])
    },
  )

  it('refuses at delivery a hostname resolving to loopback unless the channel allows private networks', async () => {
    await createChannel({ url: 'http://localhost:9/hook', allowPrivateNetwork: false })
    await publish({ title: 'SSRF 기사' })
    await drain()
    const delivery = (await payload.find({ collection: 'webhook-deliveries' })).docs[0]!
    expect(delivery.status).toBe('refused')
    expect(delivery.error).toMatch(/private or loopback/)
  })

  it('signs with both secrets during a rotation overlap', async () => {
    const channel = await createChannel()
    const rotated = await api.rest('POST', `/distribution-channels/${channel.id}/rotate-secret`, {
      body: { overlapHours: 1 },
      token: admin,
    })
    expect(rotated.status).toBe(200)
    expect(rotated.body.secret).toMatch(/^whsec_/)
    await publish({ title: '교체 기사' })
    await drain()
    expect(verified(channel.secret, received[0]!).type).toBe('article.published')
    expect(verified(rotated.body.secret, received[0]!).type).toBe('article.published')
  })

  it('replays a delivery under the same webhook-id, and sends a test event', async () => {
    const channel = await createChannel()
    await publish({ title: '다시 보내기' })
    await drain()
    const delivery = (await payload.find({ collection: 'webhook-deliveries' })).docs[0]!
    expect(
      (await api.rest('POST', `/webhook-deliveries/${delivery.id}/replay`, { token: admin }))
        .status,
    ).toBe(200)
    expect(
      (await api.rest('POST', `/distribution-channels/${channel.id}/test`, { token: admin }))
        .status,
    ).toBe(200)
    await drain()
    expect(received).toHaveLength(3)
    const [original, ...later] = received
    const replayed = later.find(
      (message) => verified(channel.secret, message).type === 'article.published',
    )
    expect(replayed?.headers['webhook-id']).toBe(original!.headers['webhook-id'])
    expect(
      later.filter((message) => verified(channel.secret, message).type === 'test'),
    ).toHaveLength(1)
  })
})

describe('runners', () => {
  const runTask = async (input: Record<string, unknown>) => {
    const task = payload.config.jobs.tasks?.find((candidate) => candidate.slug === 'deliverWebhook')
    const handler = task!.handler as (args: { input: unknown; req: unknown }) => Promise<unknown>
    return handler({ input, req: await createLocalReq({}, payload) })
  }
  const queuedInput = async () => {
    const job = (
      await payload.find({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'deliverWebhook' } },
        limit: 1,
      })
    ).docs[0]!
    await payload.delete({ collection: 'payload-jobs', id: job.id })
    return job.input as Record<string, unknown>
  }

  it('never send the same attempt twice, even when two run it at once', async () => {
    await createChannel()
    await publish({ title: '동시 실행' })
    const input = await queuedInput()
    await Promise.all([runTask(input), runTask(input), runTask(input)])
    expect(received).toHaveLength(1)
    expect(
      (await payload.find({ collection: 'webhook-deliveries' })).docs.map(
        (delivery) => delivery.status,
      ),
    ).toEqual(['succeeded'])
  })

  it('take over an attempt left pending by a runner that died', async () => {
    await createChannel()
    await publish({ title: '중단된 전송' })
    const input = await queuedInput()
    const abandoned = await payload.create({
      collection: 'webhook-deliveries',
      data: {
        webhookId: input.webhookId,
        attempt: input.attempt,
        event: input.event,
        status: 'pending',
      } as never,
    })
    await runTask(input)
    expect(received).toHaveLength(0)
    await payload.db.updateOne({
      collection: 'webhook-deliveries',
      id: abandoned.id,
      data: { updatedAt: new Date(Date.now() - 10 * 60 * 1000).toISOString() },
    })
    await runTask(input)
    expect(received).toHaveLength(1)
    expect(received[0]!.headers['webhook-id']).toBe(input.webhookId)
    expect(
      (await payload.findByID({ collection: 'webhook-deliveries', id: abandoned.id })).status,
    ).toBe('succeeded')
  })
})

describe('IndexNow', () => {
  it('pings the endpoint with the article URL and the key on publish and update, not on unpublish', async () => {
    process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
    await createChannel({ name: 'IndexNow', kind: 'indexnow', indexNowKey: 'a1b2c3d4e5f6a7b8' })
    const article = await publish({ title: 'IndexNow 기사' })
    await payload.update({ collection: 'articles', id: article.id, data: { subtitle: '수정' } })
    await payload.update({ collection: 'articles', id: article.id, data: { _status: 'draft' } })
    await drain()
    expect(received.map((message) => JSON.parse(message.body))).toEqual([
      {
        host: 'news.example.kr',
        key: 'a1b2c3d4e5f6a7b8',
        urlList: [`https://news.example.kr/news/${encodeURIComponent(article.slug!)}`],
      },
      {
        host: 'news.example.kr',
        key: 'a1b2c3d4e5f6a7b8',
        urlList: [`https://news.example.kr/news/${encodeURIComponent(article.slug!)}`],
      },
    ])
    expect(received[0]!.headers['webhook-signature']).toBeUndefined()
  })

  it('refuses a channel without a valid key', async () => {
    const { status } = await api.rest('POST', '/distribution-channels', {
      body: {
        name: '키 없음',
        kind: 'indexnow',
        url: `${base}/indexnow`,
        allowPrivateNetwork: true,
      },
      token: admin,
    })
    expect(status).toBe(400)
  })
})

describe('channels', () => {
  it('show the secret once, and only admins manage them', async () => {
    const channel = await createChannel()
    expect(channel.secret).toMatch(/^whsec_/)
    const read = await api.rest('GET', `/distribution-channels/${channel.id}`, { token: admin })
    expect(read.body.secret).toBeUndefined()
    const editor = await api.login(loginEmails().editor, PASSWORD)
    expect(
      (
        await api.rest('POST', '/distribution-channels', {
          body: { name: 'x', url: `${base}/x` },
          token: editor,
        })
      ).status,
    ).toBe(403)
    expect((await api.rest('GET', '/distribution-channels')).status).toBe(403)
    expect((await api.rest('GET', '/webhook-deliveries')).status).toBe(403)
  })

  it('refuse a test event for a channel that does not exist or that only takes article URLs', async () => {
    expect(
      (await api.rest('POST', '/distribution-channels/999999/test', { token: admin })).status,
    ).toBe(404)
    const indexNow = await createChannel({
      name: 'IndexNow',
      kind: 'indexnow',
      indexNowKey: 'a1b2c3d4e5f6a7b8',
    })
    const refused = await api.rest('POST', `/distribution-channels/${indexNow.id}/test`, {
      token: admin,
    })
    expect(refused.status).toBe(400)
    expect(refused.body.errors[0].message).toContain('IndexNow')
    expect((await payload.count({ collection: 'payload-jobs' })).totalDocs).toBe(0)
  })
})
