import type { Payload } from 'payload'

import http from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { formatKstIso } from '../../plugins/register-timestamps/formatKst'
import { apiClient } from '../helpers/http'
import { graphQLIdType } from '../helpers/ids'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let received: { body: string; path: string }[] = []
let receiver: http.Server

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, path: request.url ?? '' })
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  payload = await bootPayload('embargo')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  const admin = await api.login(loginEmails().admin, PASSWORD)
  editor = await api.login(loginEmails().editor, PASSWORD)
  const channel = await api.rest('POST', '/distribution-channels', {
    body: {
      name: '포털',
      url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
      allowPrivateNetwork: true,
      events: ['article.published'],
    },
    token: admin,
  })
  expect(channel.status).toBe(201)
  // A partner that honours embargoes (news-agency practice): it gets the story early, in full.
  const partner = await api.rest('POST', '/distribution-channels', {
    body: {
      name: '엠바고 협약 매체',
      url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/early`,
      allowPrivateNetwork: true,
      events: ['article.embargoed'],
      format: 'full',
    },
    token: admin,
  })
  expect(partner.status).toBe(201)
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})
beforeEach(() => {
  received = []
})

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** Runs the jobs that are due now, as the worker would. */
const runDueJobs = () => payload.jobs.run({ limit: 100 })

const createDraft = async (overrides: Record<string, unknown> = {}) => {
  const { body, status } = await api.rest('POST', '/articles?draft=true', {
    body: articleData(fixture, { _status: 'draft', ...overrides }),
    token: editor,
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc as { id: number | string }
}

const releaseJobs = async (id: number | string) =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: {
        taskSlug: { equals: 'schedulePublish' },
        'input.type': { equals: 'publish' },
        'input.doc.value': { equals: String(id) },
        completedAt: { exists: false },
      },
      depth: 0,
    })
  ).docs.map((job) => new Date(job.waitUntil as string).toISOString())

/** What an anonymous reader gets for the article, on REST by id, REST lists and GraphQL. */
const publicView = async (id: number | string) => {
  const byId = await api.rest('GET', `/articles/${id}?depth=0`)
  const list = await api.rest('GET', `/articles?depth=0&where[id][equals]=${id}`)
  const graphql = await api.graphql(
    `query ($id: ${graphQLIdType(payload)}!) { Articles(where: { id: { equals: $id } }) { docs { id } } }`,
    { id },
  )
  return {
    byId: byId.status,
    list: list.body.totalDocs as number,
    graphql: (graphql.body.data?.Articles?.docs ?? []).length as number,
  }
}

describe('an embargo', () => {
  it('holds the desk’s publish: public nowhere and sent nowhere until the time, then live by itself with 등록 = the embargo time', async () => {
    const until = inSeconds(3)
    const { id } = await createDraft({ title: '엠바고 기사', embargoUntil: until })
    const published = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'published' },
      token: editor,
    })
    expect(published.status, JSON.stringify(published.body)).toBe(200)
    expect(published.body.doc._status).toBe('draft')
    expect(await releaseJobs(id)).toEqual([until])

    await runDueJobs()
    expect(await publicView(id)).toEqual({ byId: 404, list: 0, graphql: 0 })
    expect(received.filter((message) => message.path === '/hook')).toEqual([])
    const early = received.filter((message) => message.path === '/early')
    expect(early).toHaveLength(1)
    const sent = JSON.parse(early[0]!.body)
    expect(sent.type).toBe('article.embargoed')
    // Webhooks name instants in Korea time (RFC 3339, +09:00; DESIGN.md "Times").
    expect(sent.data).toMatchObject({
      title: '엠바고 기사',
      embargo: { until: formatKstIso(until) },
    })
    expect(sent.data.embargo.until).toMatch(/\+09:00$/)
    expect(sent.data.bodyHtml).toContain('첫 문단입니다.')
    received = []

    await sleep(Math.max(0, new Date(until).getTime() - Date.now()) + 100)
    await runDueJobs() // the release
    await runDueJobs() // the delivery it queued
    const stored = await payload.findByID({ collection: 'articles', id, depth: 0 })
    expect(stored._status).toBe('published')
    expect(new Date(stored.registeredAt as string).toISOString()).toBe(until)
    expect(await publicView(id)).toEqual({ byId: 200, list: 1, graphql: 1 })
    expect(received.map((message) => JSON.parse(message.body).type)).toEqual(['article.published'])
  })

  it('holds a publish sent by GraphQL too', async () => {
    const { id } = await createDraft({ embargoUntil: inSeconds(60) })
    const answer = await api.graphql(
      `mutation ($id: ${graphQLIdType(payload)}!) { updateArticle(id: $id, data: { _status: published }) { _status } }`,
      { id },
      editor,
    )
    expect(answer.body.errors).toBeUndefined()
    expect(answer.body.data.updateArticle._status).toBe('draft')
    expect((await publicView(id)).byId).toBe(404)
  })

  it('moves its release with the time, and calls it off when the embargo is lifted', async () => {
    const first = inSeconds(60)
    const { id } = await createDraft({ embargoUntil: first })
    await api.rest('PATCH', `/articles/${id}`, { body: { _status: 'published' }, token: editor })
    expect(await releaseJobs(id)).toEqual([first])

    const later = inSeconds(120)
    const moved = await api.rest('PATCH', `/articles/${id}?draft=true`, {
      body: { embargoUntil: later },
      token: editor,
    })
    expect(moved.status).toBe(200)
    expect(await releaseJobs(id)).toEqual([later])

    const lifted = await api.rest('PATCH', `/articles/${id}?draft=true`, {
      body: { embargoUntil: null },
      token: editor,
    })
    expect(lifted.status).toBe(200)
    expect(await releaseJobs(id)).toEqual([])
    expect((await payload.findByID({ collection: 'articles', id, draft: true }))._status).toBe(
      'draft',
    )
  })

  it('cannot be put on a story readers already have (400, nothing changes)', async () => {
    const { id } = await createDraft()
    await api.rest('PATCH', `/articles/${id}`, { body: { _status: 'published' }, token: editor })
    const answer = await api.rest('PATCH', `/articles/${id}`, {
      body: { embargoUntil: inSeconds(60) },
      token: editor,
    })
    expect(answer.status).toBe(400)
    expect(answer.body.errors[0].message).toContain('엠바고')
    const stored = await payload.findByID({ collection: 'articles', id, depth: 0 })
    expect(stored.embargoUntil ?? null).toBeNull()
    expect(stored._status).toBe('published')
  })

  it('is not in the way once past: a publish after it goes live at once', async () => {
    const { id } = await createDraft({ embargoUntil: inSeconds(-60) })
    const answer = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'published' },
      token: editor,
    })
    expect(answer.body.doc._status).toBe('published')
    expect(await releaseJobs(id)).toEqual([])
  })
})
