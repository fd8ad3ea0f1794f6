import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { graphQLPost } from '../../plugins/http-cache'
import { apiClient, cachedReader } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { startRedis, type RunningRedis } from '../helpers/redis'
import { addresses, BROWSER, publishArticle, sleep, token } from './readers'

/**
 * Votes, views and most-read, visitors: through the route handlers, on the suite's database, with
 * the counter store in memory — or in Redis with READER_COUNTERS_REDIS=1 (a redis-server of its own).
 */
const useRedis = process.env.READER_COUNTERS_REDIS === '1'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let redis: RunningRedis | undefined
let sports: number | string

type ID = number | string

/** A distinct client address per call (so the per-address limits stay out of the way). */
const address = addresses('10.9')

beforeAll(async () => {
  if (useRedis) redis = await startRedis()
  const store = redis ? { redis: redis.url } : {}
  payload = await bootPayload(useRedis ? 'reader-counters-redis' : 'reader-counters', {
    newsroom: {
      articleVotes: { ...store, anonymousPerAddress: { points: 5, durationSeconds: 60 } },
      articleViews: { ...store, flushSeconds: 1, mostReadCacheSeconds: 0 },
      visitors: { ...store },
    },
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  sports = (
    await payload.create({ collection: 'sections', data: { name: '스포츠', slug: 'sports' } })
  ).id
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  await redis?.stop()
})

const publish = (overrides: Record<string, unknown> = {}): Promise<ID> =>
  publishArticle(api, fixture, editor, overrides)

const draft = async (overrides: Record<string, unknown> = {}): Promise<ID> => {
  const { body, status } = await api.rest('POST', '/articles?draft=true', {
    body: articleData(fixture, { _status: 'draft', ...overrides }),
    token: editor,
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc.id as ID
}

const vote = (
  id: ID,
  body: unknown,
  headers: Record<string, string> = { 'x-reader-token': token(), 'x-forwarded-for': address() },
  userToken?: string,
) => api.rest('POST', `/articles/${id}/vote`, { body, headers, token: userToken })

const view = (id: ID, headers: Record<string, string> = {}) =>
  api.rest('POST', `/articles/${id}/view`, {
    headers: { 'user-agent': BROWSER, 'x-forwarded-for': address(), ...headers },
  })

const stored = async (id: ID) =>
  (await payload.findByID({ collection: 'articles', id, depth: 0 })) as unknown as Record<
    string,
    unknown
  >

const versionCount = async (id: ID) =>
  (await payload.countVersions({ collection: 'articles', where: { parent: { equals: id } } }))
    .totalDocs

const auditEntries = async (id: ID) =>
  (
    await payload.count({
      collection: 'audit-log' as never,
      where: { documentId: { equals: String(id) } },
    })
  ).totalDocs

describe('votes (올려/내려)', () => {
  it('counts one changeable vote per browser, and a repeat changes nothing', async () => {
    const id = await publish({ title: '투표 기사' })
    const me = { 'x-reader-token': token(), 'x-forwarded-for': address() }
    const up = await vote(id, { value: 1 }, me)
    expect(up.status, up.text).toBe(200)
    expect(up.body).toEqual({ votesUp: 1, votesDown: 0, myVote: 1 })
    expect((await vote(id, { value: 1 }, me)).body).toEqual({ votesUp: 1, votesDown: 0, myVote: 1 })
    expect((await vote(id, { value: -1 }, me)).body).toEqual({
      votesUp: 0,
      votesDown: 1,
      myVote: -1,
    })
    // Another browser, then the first withdraws.
    expect((await vote(id, { value: 1 })).body).toMatchObject({ votesUp: 1, votesDown: 1 })
    expect((await vote(id, { value: 0 }, me)).body).toEqual({ votesUp: 1, votesDown: 0, myVote: 0 })
    // The totals are the article's own fields on every read path.
    const read = await api.rest('GET', `/articles/${id}?depth=0`)
    expect(read.body).toMatchObject({ votesUp: 1, votesDown: 0 })
    const list = await api.rest('GET', `/articles?depth=0&where[id][equals]=${id}`)
    expect(list.body.docs[0]).toMatchObject({ votesUp: 1, votesDown: 0 })
  })

  it('never moves updatedAt or revisedAt, adds no version and no audit entry', async () => {
    const id = await publish({ title: '수정시각 기사' })
    const before = await stored(id)
    const versions = await versionCount(id)
    const audits = await auditEntries(id)
    await sleep(20)
    expect((await vote(id, { value: 1 })).status).toBe(200)
    expect((await vote(id, { value: -1 })).status).toBe(200)
    const after = await stored(id)
    expect(after.votesUp).toBe(1)
    expect(after.votesDown).toBe(1)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(after.revisedAt).toBe(before.revisedAt)
    expect(await versionCount(id)).toBe(versions)
    expect(await auditEntries(id)).toBe(audits)
  })

  it('keeps exact totals under 50 parallel votes from different browsers', async () => {
    const id = await publish({ title: '동시 투표 기사' })
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, index) => vote(id, { value: index % 5 === 0 ? -1 : 1 })),
    )
    for (const result of results) expect(result.status, result.text).toBe(200)
    const after = await stored(id)
    expect({ up: after.votesUp, down: after.votesDown }).toEqual({ up: 40, down: 10 })
  })

  it('keeps the counts when the desk publishes a pending draft of the story', async () => {
    const id = await publish({ title: '초안 있는 기사' })
    const edit = await api.rest('PATCH', `/articles/${id}?draft=true`, {
      body: { subtitle: '새 부제' },
      token: editor,
    })
    expect(edit.status, edit.text).toBe(200)
    expect((await vote(id, { value: 1 })).body).toMatchObject({ votesUp: 1 })
    const published = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'published' },
      token: editor,
    })
    expect(published.status, published.text).toBe(200)
    expect(await stored(id)).toMatchObject({ subtitle: '새 부제', votesUp: 1 })
  })

  it('lets signed-in users vote as themselves, whatever browser token they send', async () => {
    const id = await publish({ title: '로그인 투표' })
    expect((await vote(id, { value: 1 }, {}, editor)).body).toEqual({
      votesUp: 1,
      votesDown: 0,
      myVote: 1,
    })
    expect((await vote(id, { value: -1 }, { 'x-reader-token': token() }, editor)).body).toEqual({
      votesUp: 0,
      votesDown: 1,
      myVote: -1,
    })
  })

  it('answers 404 for drafts, embargoed stories and unknown ids', async () => {
    const hidden = await draft({ title: '초안' })
    const embargoed = await draft({
      title: '엠바고',
      embargoUntil: new Date(Date.now() + 3_600_000).toISOString(),
    })
    for (const id of [hidden, embargoed, 999_999_999, 'not-an-id']) {
      const result = await vote(id, { value: 1 })
      expect(result.status, String(id)).toBe(404)
      expect(result.body.errors[0].code).toBe('NOT_FOUND')
    }
    expect((await stored(hidden)).votesUp).toBe(0)
  })

  it('refuses bad bodies and missing tokens with 400 VALIDATION naming the field', async () => {
    const id = await publish({ title: '검증 기사' })
    for (const body of [{ value: 2 }, { value: '1' }, {}, [1], { value: null }]) {
      const result = await vote(id, body)
      expect(result.status, JSON.stringify(body)).toBe(400)
      expect(result.body.errors[0].code).toBe('VALIDATION')
    }
    expect((await vote(id, { value: 2 })).body.errors[0].message).toMatch(/value/)
    const noToken = await vote(id, { value: 1 }, { 'x-forwarded-for': address() })
    expect(noToken.status).toBe(400)
    expect(noToken.body.errors[0].message).toMatch(/x-reader-token/)
    const badToken = await vote(id, { value: 1 }, { 'x-reader-token': 'short' })
    expect(badToken.status).toBe(400)
    // No body at all: not JSON.
    const raw = await api.rest('POST', `/articles/${id}/vote`, {
      headers: { 'content-type': 'application/json', 'x-reader-token': token() },
      body: undefined,
    })
    expect(raw.status).toBe(400)
    expect((await stored(id)).votesUp).toBe(0)
  })

  it('limits anonymous votes per address: 429 with Retry-After', async () => {
    const id = await publish({ title: '제한 기사' })
    const from = address()
    const answers = []
    for (let index = 0; index < 6; index++)
      answers.push(
        await vote(id, { value: 1 }, { 'x-reader-token': token(), 'x-forwarded-for': from }),
      )
    expect(answers.slice(0, 5).map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200])
    expect(answers[5]!.status).toBe(429)
    expect(answers[5]!.body.errors[0].code).toBe('RATE_LIMITED')
    expect(Number(answers[5]!.headers.get('retry-after'))).toBeGreaterThan(0)
    expect((await stored(id)).votesUp).toBe(5)
  })

  it('never shows who voted', async () => {
    const id = await publish({ title: '익명 기사' })
    const secret = token()
    const result = await vote(
      id,
      { value: 1 },
      { 'x-reader-token': secret, 'x-forwarded-for': address() },
    )
    expect(Object.keys(result.body).sort()).toEqual(['myVote', 'votesDown', 'votesUp'])
    // Nobody reads the votes through the API, staff included.
    expect((await api.rest('GET', '/votes')).status).toBeGreaterThanOrEqual(403)
    expect((await api.rest('GET', '/votes', { token: editor })).status).toBeGreaterThanOrEqual(403)
    const gql = await api.graphql('{ Votes { docs { voter } } }', undefined, editor)
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    // What is stored names nobody: no token, no address.
    const rows = await payload.db.find({
      collection: 'votes' as never,
      where: { document: { equals: `articles:${id}` } },
    })
    expect(rows.docs).toHaveLength(1)
    expect(JSON.stringify(rows.docs)).not.toContain(secret)
  })
})

describe('votes through GraphQL (voteArticle)', () => {
  const mutate = async (variables: Record<string, unknown>, headers: Record<string, string>) => {
    const response = await graphQLPost(payload.config)(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({
          query:
            'mutation ($id: ID!, $value: Int!) { voteArticle(id: $id, value: $value) { votesUp votesDown myVote } }',
          variables,
        }),
      }),
    )
    return (await response.json()) as {
      data?: { voteArticle: unknown }
      errors?: { extensions: { code: string } }[]
    }
  }

  it('votes as REST does, with the same refusals', async () => {
    const id = await publish({ title: 'GraphQL 투표' })
    const me = { 'x-reader-token': token(), 'x-forwarded-for': address() }
    expect((await mutate({ id: String(id), value: 1 }, me)).data?.voteArticle).toEqual({
      votesUp: 1,
      votesDown: 0,
      myVote: 1,
    })
    expect((await mutate({ id: String(id), value: -1 }, me)).data?.voteArticle).toEqual({
      votesUp: 0,
      votesDown: 1,
      myVote: -1,
    })
    expect((await stored(id)).votesDown).toBe(1)
    const bad = await mutate({ id: String(id), value: 3 }, me)
    expect(bad.errors?.[0]?.extensions.code).toBe('VALIDATION')
    const hidden = await draft({ title: 'GraphQL 초안' })
    const notFound = await mutate({ id: String(hidden), value: 1 }, me)
    expect(notFound.errors?.[0]?.extensions.code).toBe('NOT_FOUND')
    const from = address()
    let last
    for (let index = 0; index < 6; index++)
      last = await mutate(
        { id: String(id), value: 1 },
        { 'x-reader-token': token(), 'x-forwarded-for': from },
      )
    expect(last!.errors?.[0]?.extensions.code).toBe('RATE_LIMITED')
  })
})

const runDueJobs = async () => {
  await sleep(1_100)
  await payload.jobs.run({ limit: 100, queue: 'default' })
}

describe('views and most-read (조회수, 많이 본 뉴스)', () => {
  it('counts a view once per browser per 30 minutes, never a bot, and writes in batches', async () => {
    const id = await publish({ title: '조회 기사' })
    const before = await stored(id)
    const jobsBefore = (
      await payload.count({
        collection: 'payload-jobs',
        where: { taskSlug: { equals: 'flushArticleViews' } },
      })
    ).totalDocs
    const reader = token()
    for (let index = 0; index < 3; index++)
      expect((await view(id, { 'x-reader-token': reader })).status).toBe(204)
    for (let index = 0; index < 4; index++)
      expect((await view(id, { 'x-reader-token': token() })).status).toBe(204)
    expect(
      (await view(id, { 'user-agent': 'Mozilla/5.0 (compatible; Googlebot/2.1)' })).status,
    ).toBe(204)
    expect((await view(id, { 'user-agent': 'facebookexternalhit/1.1' })).status).toBe(204)
    expect((await view(id, { 'user-agent': '' })).status).toBe(204)
    // Nothing written yet: the views wait in the store; one flush job for all of them.
    expect((await stored(id)).viewCount).toBe(0)
    const jobsQueued =
      (
        await payload.count({
          collection: 'payload-jobs',
          where: { taskSlug: { equals: 'flushArticleViews' } },
        })
      ).totalDocs - jobsBefore
    expect(jobsQueued).toBe(1)
    await runDueJobs()
    const after = await stored(id)
    expect(after.viewCount).toBe(5)
    expect(after.updatedAt).toBe(before.updatedAt)
    expect(after.revisedAt).toBe(before.revisedAt)
    // Views after a flush add to the stored count.
    expect((await view(id)).status).toBe(204)
    await runDueJobs()
    expect((await stored(id)).viewCount).toBe(6)
  })

  it('lets the process answer others between the documents a flush writes', async () => {
    // On SQLite the driver answers in microtasks: a flush that never yielded kept every other
    // request (and timer) of the embedded server waiting until its last document was written.
    const ids = [await publish(), await publish(), await publish(), await publish()]
    for (const id of ids) expect((await view(id)).status).toBe(204)
    await sleep(1_100)
    let turns = 0
    let spinning = true
    const spin = () => {
      if (!spinning) return
      turns++
      setImmediate(spin)
    }
    setImmediate(spin)
    await payload.jobs.run({ limit: 100, queue: 'default' })
    spinning = false
    for (const id of ids) expect((await stored(id)).viewCount).toBe(1)
    expect(turns).toBeGreaterThanOrEqual(ids.length - 1)
  })

  it('answers 404 for drafts and embargoed stories, and counts nothing for them', async () => {
    const hidden = await draft({ title: '조회 초안' })
    const embargoed = await draft({
      title: '조회 엠바고',
      embargoUntil: new Date(Date.now() + 3_600_000).toISOString(),
    })
    for (const id of [hidden, embargoed, 999_999_999]) {
      const result = await view(id)
      expect(result.status).toBe(404)
      expect(result.body.errors[0].code).toBe('NOT_FOUND')
    }
    const top = await api.rest('GET', '/articles/most-read?limit=50')
    expect(top.body.docs.map((doc: { id: ID }) => doc.id)).not.toContain(hidden)
  })

  it('ranks most-read overall and per section, as headlines with viewCount, cacheable', async () => {
    const first = await publish({ title: '가장 많이 본 기사' })
    const second = await publish({ title: '둘째로 많이 본 기사', section: sports })
    const third = await publish({ title: '셋째 기사' })
    const views = async (id: ID, count: number) => {
      for (let index = 0; index < count; index++) await view(id, { 'x-reader-token': token() })
    }
    await views(first, 30)
    await views(second, 20)
    await views(third, 10)
    await runDueJobs()
    const overall = await api.rest('GET', '/articles/most-read?window=24h&limit=3')
    expect(overall.status, overall.text).toBe(200)
    expect(overall.body.docs.map((doc: { id: ID }) => doc.id)).toEqual([first, second, third])
    const top = overall.body.docs[0]
    expect(top).toMatchObject({
      title: '가장 많이 본 기사',
      viewCount: 30,
      views: 30,
      section: { slug: expect.any(String) },
    })
    expect(top.url).toMatch(/^https?:\/\//)
    expect(top.registeredAt).toMatch(/\+09:00$/)
    const bySlug = await api.rest('GET', '/articles/most-read?section=sports&window=7d')
    expect(bySlug.body.docs.map((doc: { id: ID }) => doc.id)).toEqual([second])
    const byId = await api.rest(`GET`, `/articles/most-read?section=${sports}`)
    expect(byId.body.docs.map((doc: { id: ID }) => doc.id)).toEqual([second])
    // An article unpublished since its views drops out.
    const unpublish = await api.rest('PATCH', `/articles/${first}`, {
      body: { _status: 'draft' },
      token: editor,
    })
    expect(unpublish.status, unpublish.text).toBe(200)
    const later = await api.rest('GET', '/articles/most-read?limit=2')
    expect(later.body.docs.map((doc: { id: ID }) => doc.id)).toEqual([second, third])
    // Anonymous answers are for shared caches.
    const cached = await cachedReader(payload)('/articles/most-read?limit=2')
    expect(cached.status).toBe(200)
    expect(cached.headers.get('cache-control')).toMatch(/public/)
    // GraphQL: the same ranking.
    const gql = await api.graphql(
      'query ($section: String) { mostRead(section: $section, window: "7d", limit: 5) { id title viewCount views section { slug } } }',
      { section: 'sports' },
    )
    expect(gql.body.errors).toBeUndefined()
    expect(gql.body.data.mostRead).toEqual([
      {
        id: second,
        title: '둘째로 많이 본 기사',
        viewCount: 20,
        views: 20,
        section: { slug: 'sports' },
      },
    ])
  })

  it('refuses bad arguments: 400 naming the argument, 404 for an unknown section', async () => {
    for (const [query, field] of [
      ['window=1y', 'window'],
      ['limit=0', 'limit'],
      ['limit=51', 'limit'],
      ['limit=abc', 'limit'],
    ] as const) {
      const result = await api.rest('GET', `/articles/most-read?${query}`)
      expect(result.status, query).toBe(400)
      expect(result.body.errors[0].code).toBe('VALIDATION')
      expect(result.body.errors[0].message).toContain(field)
    }
    const unknown = await api.rest('GET', '/articles/most-read?section=no-such-section')
    expect(unknown.status).toBe(404)
    const gql = await api.graphql('{ mostRead(window: "1y") { id } }')
    expect(gql.body.errors[0].extensions.code).toBe('VALIDATION')
  })
})

describe('visitors (현재접속자)', () => {
  it('counts distinct browsers by heartbeat, each once', async () => {
    const before = (await api.rest('GET', '/visitors')).body.current as number
    const browsers = [token(), token(), token()]
    for (const browser of [...browsers, browsers[0]!]) {
      const beat = await api.rest('POST', '/visitors/heartbeat', {
        headers: { 'x-reader-token': browser, 'x-forwarded-for': address() },
      })
      expect(beat.status, beat.text).toBe(200)
    }
    const now = await api.rest('GET', '/visitors')
    expect(now.status).toBe(200)
    expect(now.body).toEqual({ current: before + 3 })
    expect(now.headers.get('cache-control')).toMatch(/no-store/)
  })
})

describe.runIf(useRedis)('with REDIS_URL', () => {
  it('keeps views, most-read buckets, presence and limits in Redis, not in the process', async () => {
    const { Redis } = await import('ioredis')
    const client = new Redis(redis!.url)
    try {
      const id = await publish({ title: 'Redis 기사' })
      expect((await view(id, { 'x-reader-token': token() })).status).toBe(204)
      const keys = await client.keys('*')
      expect(keys).toEqual(
        expect.arrayContaining([
          'views:pending',
          expect.stringMatching(/^views:h:\d+$/),
          expect.stringMatching(/^views:seen:/),
          'visitors:present',
          expect.stringMatching(/^votes:rl:anonymous/),
        ]),
      )
      expect(await client.hget('views:pending', String(id))).toBe('1')
    } finally {
      client.disconnect()
    }
  })
})
