import type { Payload } from 'payload'

import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { graphQLGetHandler, graphQLPost, withHttpCache } from '../../plugins/http-cache'
import { apiClient, cachedReader } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let kim: string
const received: string[] = []
let receiver: http.Server

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push(body)
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  payload = await bootPayload('ticker')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
  const channel = await api.rest('POST', '/distribution-channels', {
    body: {
      name: 'CDN',
      url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/purge`,
      allowPrivateNetwork: true,
      events: ['cache.purge'],
    },
    token: await api.login(loginEmails().admin, PASSWORD),
  })
  expect(channel.status).toBe(201)
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString()

const article = (title: string, overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { title, _status: 'published', ...overrides }) as never,
  })

const addItem = async (data: Record<string, unknown>) => {
  const answer = await api.rest('POST', '/ticker-items', { body: data, token: editor })
  expect(answer.status, JSON.stringify(answer.body)).toBe(201)
  return answer.body.doc as { id: number | string }
}

const current = async () => {
  const answer = await api.rest('GET', '/ticker-items/current')
  expect(answer.status).toBe(200)
  return answer.body.docs as {
    article: null | { title: string }
    breaking: boolean
    text: string
    url: null | string
  }[]
}

const clearTicker = () =>
  payload.delete({ collection: 'ticker-items', where: { id: { exists: true } } })

describe('the ticker', () => {
  it('answers readers the items on and within their window, in order, on REST and GraphQL', async () => {
    await clearTicker()
    const live = await article('출고된 기사')
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '아직 초안' }) as never,
    })
    await addItem({ text: '두 번째 줄', link: 'https://example.com/a', order: 2 })
    await addItem({ article: live.id, order: 1 })
    await addItem({ text: '꺼진 항목', active: false })
    await addItem({ text: '끝난 항목', startsAt: minutes(-60), endsAt: minutes(-1) })
    await addItem({ text: '예약 항목', startsAt: minutes(10) })
    await addItem({ text: '초안 기사', article: draft.id, order: 0 })
    await addItem({ text: '진행 중', startsAt: minutes(-5), endsAt: minutes(5), order: 3 })

    const items = await current()
    expect(items.map((item) => item.text)).toEqual(['출고된 기사', '두 번째 줄', '진행 중'])
    expect(items[0]!.url).toMatch(/^https?:\/\/.+\/news\//)
    expect(items[0]!.article).toMatchObject({ id: live.id, title: '출고된 기사' })
    expect(items[1]!.url).toBe('https://example.com/a')
    expect((items[2] as unknown as { endsAt: string }).endsAt).toMatch(/\+09:00$/)

    const graphql = await api.graphql(
      '{ ticker { id text url order breaking article { id title url } } }',
    )
    expect(graphql.body.errors).toBeUndefined()
    expect(graphql.body.data.ticker.map((item: { text: string }) => item.text)).toEqual([
      '출고된 기사',
      '두 번째 줄',
      '진행 중',
    ])
    expect(graphql.body.data.ticker[0].article.id).toBe(live.id)

    // Unpublished, the article's line goes.
    await payload.update({
      collection: 'articles',
      id: live.id,
      data: { _status: 'draft' } as never,
    })
    expect((await current()).map((item) => item.text)).toEqual(['두 번째 줄', '진행 중'])
  })

  it('is cacheable by a CDN, named by its surrogate keys, and purged when it changes', async () => {
    await clearTicker()
    const live = await article('캐시되는 기사')
    const item = await addItem({ article: live.id })
    const response = await cachedReader(payload)('/ticker-items/current')
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toMatch(/^public, .*s-maxage=/)
    const keys = (response.headers.get('surrogate-key') ?? '').split(' ')
    expect(keys).toEqual(expect.arrayContaining(['ticker-items:list', `articles:${live.id}`]))
    // A staff member's read is never shared.
    const signed = await cachedReader(payload)('/ticker-items/current', {
      authorization: `JWT ${editor}`,
    })
    expect(signed.headers.get('cache-control')).toBe('private, no-store')

    // GraphQL over GET names the same keys.
    const graphqlGet = withHttpCache(graphQLGetHandler(graphQLPost(payload.config)))
    const viaGraphQL = await graphqlGet(
      new Request(
        `http://localhost/api/graphql?query=${encodeURIComponent('{ ticker { id text } }')}`,
      ),
    )
    expect(viaGraphQL.status).toBe(200)
    expect(viaGraphQL.headers.get('cache-control')).toMatch(/^public, /)
    expect((viaGraphQL.headers.get('surrogate-key') ?? '').split(' ')).toEqual(
      expect.arrayContaining(['ticker-items:list', `articles:${live.id}`]),
    )

    received.length = 0
    const changed = await api.rest('PATCH', `/ticker-items/${item.id}`, {
      body: { active: false },
      token: editor,
    })
    expect(changed.status).toBe(200)
    await payload.jobs.run({ limit: 100 })
    const purges = received
      .map((body) => JSON.parse(body))
      .filter((message) => message.data?.reason === 'ticker.changed')
    expect(purges.length).toBeGreaterThan(0)
    expect(purges[0].type).toBe('cache.purge')
    expect(purges[0].data.keys).toEqual(['ticker-items:list'])
  })

  it('is managed by the desk only: readers and reporters can neither list nor write it', async () => {
    const anonymousList = await api.rest('GET', '/ticker-items')
    expect(anonymousList.status).toBe(403)
    const anonymousCreate = await api.rest('POST', '/ticker-items', { body: { text: '무단' } })
    expect(anonymousCreate.status).toBe(403)
    const reporterCreate = await api.rest('POST', '/ticker-items', {
      body: { text: '기자가 올린 줄' },
      token: kim,
    })
    expect(reporterCreate.status).toBe(403)
    const graphql = await api.graphql(
      'mutation { createTickerItem(data: { text: "무단" }) { id } }',
    )
    expect(graphql.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    expect(
      (await payload.find({ collection: 'ticker-items', where: { text: { equals: '무단' } } }))
        .totalDocs,
    ).toBe(0)
  })

  it('refuses an item without text or article, a link that is no web address, an end before the start', async () => {
    for (const body of [
      { link: 'https://example.com' },
      { text: '나쁜 링크', link: 'javascript:alert(1)' },
      { text: '거꾸로', startsAt: minutes(10), endsAt: minutes(5) },
    ]) {
      const answer = await api.rest('POST', '/ticker-items', { body, token: editor })
      expect(answer.status, JSON.stringify(body)).toBe(400)
      expect(answer.body.errors[0].code).toBe('VALIDATION')
    }
  })
})

describe('속보 articles', () => {
  const breakingLines = async () => (await current()).filter((item) => item.breaking)

  it('go on the ticker once when published, and off when the flag is cleared or the story unpublished', async () => {
    await clearTicker()
    const story = await article('속보 기사', { breaking: true })
    expect((await breakingLines()).map((item) => item.text)).toEqual(['속보 기사'])
    const [item] = (
      await payload.find({ collection: 'ticker-items', where: { article: { equals: story.id } } })
    ).docs as unknown as { endsAt: string; startsAt: string }[]
    expect(Date.parse(item!.endsAt) - Date.parse(item!.startsAt)).toBe(60 * 60_000)

    // A further save does not add another line.
    await api.rest('PATCH', `/articles/${story.id}`, {
      body: { subtitle: '부제 추가' },
      token: editor,
    })
    expect(await breakingLines()).toHaveLength(1)

    // Cleared: off (the flag is no revision: 수정 time stays). Flagged again: it had its turn.
    const revised = (await payload.findByID({ collection: 'articles', id: story.id })).revisedAt
    await api.rest('PATCH', `/articles/${story.id}`, { body: { breaking: false }, token: editor })
    expect(await breakingLines()).toHaveLength(0)
    expect((await payload.findByID({ collection: 'articles', id: story.id })).revisedAt).toBe(
      revised,
    )
    await api.rest('PATCH', `/articles/${story.id}`, { body: { breaking: true }, token: editor })
    expect(await breakingLines()).toHaveLength(0)
    expect(
      (
        await payload.count({
          collection: 'ticker-items',
          where: { article: { equals: story.id } },
        })
      ).totalDocs,
    ).toBe(1)
  })

  it('waits for publication, and an unpublished story leaves the ticker', async () => {
    await clearTicker()
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '초안 속보', breaking: true }) as never,
    })
    expect(await breakingLines()).toHaveLength(0)
    const published = await api.rest('PATCH', `/articles/${draft.id}`, {
      body: { _status: 'published' },
      token: editor,
    })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect((await breakingLines()).map((item) => item.text)).toEqual(['초안 속보'])
    // A draft saved over the live story changes nothing readers see.
    await api.rest('PATCH', `/articles/${draft.id}?draft=true`, {
      body: { breaking: false },
      token: editor,
    })
    expect(await breakingLines()).toHaveLength(1)
    await api.rest('PATCH', `/articles/${draft.id}`, {
      body: { _status: 'draft' },
      token: editor,
    })
    expect(await breakingLines()).toHaveLength(0)
  })
})
