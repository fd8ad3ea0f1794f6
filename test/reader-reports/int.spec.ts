import type { CollectionConfig, Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { missingId } from '../helpers/ids'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

/** A stand-in for the readers' auth collection (another plugin's), only for these tests. */
const testReaders: CollectionConfig = {
  slug: 'readers',
  auth: true,
  access: { read: ({ req }) => (req.user ? { id: { equals: req.user.id } } : false) },
  fields: [],
}

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let kim: string
let reader: string
let otherReader: string
let live: { id: number | string }
let hidden: { id: number | string }
let address = 0

/** Each test speaks from addresses of its own, so that the per-address limit is its business only. */
const newAddress = () => `198.51.100.${++address}`

const report = (
  body: Record<string, unknown>,
  {
    address: from = newAddress(),
    token,
    readerToken,
  }: { address?: string; readerToken?: string; token?: string } = {},
) =>
  api.rest('POST', '/reports', {
    body,
    token,
    headers: {
      'x-forwarded-for': from,
      ...(readerToken ? { 'x-reader-token': readerToken } : {}),
    },
  })

beforeAll(async () => {
  payload = await bootPayload('reader-reports', {
    newsroom: {
      readerReports: {
        perClient: { points: 3, durationSeconds: 600 },
        perReader: { points: 4, durationSeconds: 600 },
      },
    },
    configure: (config) => ({
      ...config,
      collections: [...(config.collections ?? []), testReaders],
    }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
  for (const email of ['reader1@example.com', 'reader2@example.com'])
    await payload.create({
      collection: 'readers' as never,
      data: { email, password: PASSWORD } as never,
    })
  const readerLogin = async (email: string) =>
    (
      await payload.login({
        collection: 'readers' as never,
        data: { email, password: PASSWORD } as never,
      })
    ).token!
  reader = await readerLogin('reader1@example.com')
  otherReader = await readerLogin('reader2@example.com')
  live = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '신고 대상', _status: 'published' }) as never,
  })
  hidden = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '초안 기사' }) as never,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('reporting an article', () => {
  it('takes an anonymous report on a published article, once per browser while it is open', async () => {
    const first = await report(
      { article: live.id, reason: 'falsehood', text: '사실과 다릅니다.', status: 'resolved' },
      { readerToken: 'browser-a' },
    )
    expect(first.status, JSON.stringify(first.body)).toBe(201)
    // The sender never chooses the status, nor sees the desk's fields.
    expect(first.body.doc.status).toBe('open')
    expect(first.body.doc.submitter).toBeUndefined()
    expect(first.body.doc.resolutionNote).toBeUndefined()

    const again = await report({ article: live.id, reason: 'spam' }, { readerToken: 'browser-a' })
    expect(again.status).toBe(409)
    expect(again.body.errors[0].code).toBe('CONFLICT')
    const otherBrowser = await report(
      { article: live.id, reason: 'spam' },
      { readerToken: 'browser-b' },
    )
    expect(otherBrowser.status).toBe(201)

    const graphql = await api.graphql(
      'mutation ($article: Int!) { createReport(data: { article: $article, reason: abuse }) { id status } }'.replace(
        'Int!',
        typeof live.id === 'number' ? 'Int!' : 'String!',
      ),
      { article: live.id },
    )
    expect(graphql.body.errors, JSON.stringify(graphql.body)).toBeUndefined()
    expect(graphql.body.data.createReport.status).toBe('open')
  })

  it('refuses unpublished and unknown articles as not found, and bad reasons as invalid', async () => {
    const draft = await report({ article: hidden.id, reason: 'abuse' })
    expect(draft.status).toBe(404)
    expect(draft.body.errors[0].code).toBe('NOT_FOUND')
    const unknownId = missingId(payload)
    const missing = await report({ article: unknownId, reason: 'abuse' })
    expect(missing.status).toBe(404)
    const badReason = await report({ article: live.id, reason: 'boring' })
    expect(badReason.status).toBe(400)
    expect(badReason.body.errors[0].code).toBe('VALIDATION')
    const tooLong = await report({ article: live.id, reason: 'other', text: '가'.repeat(2001) })
    expect(tooLong.status).toBe(400)
  })

  it('limits reports per address with 429 and Retry-After', async () => {
    const from = newAddress()
    for (let n = 0; n < 3; n++) {
      const answer = await report(
        { article: live.id, reason: 'spam' },
        { address: from, readerToken: `limit-${n}` },
      )
      expect(answer.status, JSON.stringify(answer.body)).toBe(201)
    }
    const over = await report(
      { article: live.id, reason: 'spam' },
      { address: from, readerToken: 'limit-x' },
    )
    expect(over.status).toBe(429)
    expect(over.body.errors[0].code).toBe('RATE_LIMITED')
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
    // Another address is not held up.
    expect(
      (await report({ article: live.id, reason: 'spam' }, { readerToken: 'limit-y' })).status,
    ).toBe(201)
  })

  it('limits a signed-in reader across addresses, once per article, and shows them their own only', async () => {
    const second = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '두 번째 기사', _status: 'published' }) as never,
    })
    const mine = await report({ article: live.id, reason: 'privacy' }, { token: reader })
    expect(mine.status, JSON.stringify(mine.body)).toBe(201)
    expect((await report({ article: live.id, reason: 'abuse' }, { token: reader })).status).toBe(
      409,
    )
    expect((await report({ article: second.id, reason: 'abuse' }, { token: reader })).status).toBe(
      201,
    )
    expect(
      (await report({ article: second.id, reason: 'abuse' }, { token: otherReader })).status,
    ).toBe(201)

    const own = await api.rest('GET', '/reports', { token: reader })
    expect(own.status).toBe(200)
    expect(own.body.totalDocs).toBe(2)
    const others = await api.rest('GET', '/reports', { token: otherReader })
    expect(others.body.totalDocs).toBe(1)
    expect(
      (await api.rest('GET', `/reports/${mine.body.doc.id}`, { token: otherReader })).status,
    ).toBe(404)

    // A reader cannot close (or otherwise change) a report, their own included.
    const close = await api.rest('PATCH', `/reports/${mine.body.doc.id}`, {
      body: { status: 'dismissed' },
      token: reader,
    })
    expect(close.status).toBe(403)
    const stored = await payload.findByID({ collection: 'reports' as never, id: mine.body.doc.id })
    expect((stored as unknown as { status: string }).status).toBe('open')

    // Past the reader's limit (4: two above, two here), any address.
    const third = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '세 번째 기사', _status: 'published' }) as never,
    })
    expect((await report({ article: third.id, reason: 'other' }, { token: reader })).status).toBe(
      201,
    )
    const over = await report({ article: third.id, reason: 'abuse' }, { token: reader })
    expect(over.status).toBe(429)
  })

  it('is never listed to anonymous readers or reporters', async () => {
    const rest = await api.rest('GET', '/reports')
    expect(rest.status).toBe(403)
    const graphql = await api.graphql('{ Reports { docs { id text } } }')
    expect(graphql.body.data?.Reports ?? null).toBeNull()
    expect(graphql.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    const reporter = await api.rest('GET', '/reports', { token: kim })
    expect(reporter.status).toBe(403)
  })
})

describe('the moderation queue', () => {
  it('lets the desk list open reports, resolve with a note (stamped) and is audited', async () => {
    const sent = await report({ article: live.id, reason: 'copyright' }, { readerToken: 'queue' })
    expect(sent.status).toBe(201)
    const open = await api.rest('GET', '/reports?where[status][equals]=open&limit=100', {
      token: editor,
    })
    expect(open.status).toBe(200)
    expect(open.body.docs.map((doc: { id: unknown }) => doc.id)).toContain(sent.body.doc.id)
    expect(open.body.docs[0].submitter).toBeTruthy()

    const resolved = await api.rest('PATCH', `/reports/${sent.body.doc.id}`, {
      body: { status: 'resolved', resolutionNote: '사진 출처를 밝혔습니다.' },
      token: editor,
    })
    expect(resolved.status, JSON.stringify(resolved.body)).toBe(200)
    expect(resolved.body.doc.resolvedBy.id ?? resolved.body.doc.resolvedBy).toBe(
      fixture.users.editor,
    )
    expect(Date.now() - Date.parse(resolved.body.doc.resolvedAt)).toBeLessThan(60_000)

    // Closed, the same browser may report the article again.
    expect(
      (await report({ article: live.id, reason: 'copyright' }, { readerToken: 'queue' })).status,
    ).toBe(201)

    const audit = await payload.find({
      collection: 'audit-log' as never,
      where: {
        and: [
          { collectionSlug: { equals: 'reports' } },
          { documentId: { equals: String(sent.body.doc.id) } },
        ],
      },
    })
    expect(audit.totalDocs).toBeGreaterThan(0)
  })
})
