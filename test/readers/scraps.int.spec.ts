import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { HEADLINE_KEYS } from '../../plugins/shared/headline'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { captureEmails } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { countOf, signUpReader } from './readerHelpers'

type ID = number | string
const outbox = captureEmails()
let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editorToken: string
const published: ID[] = []
let draft: ID
let embargoed: ID
let alice: { id: ID; token: string }
let bob: { id: ID; token: string }

// GraphQL's id type follows the database's ids (Int on SQLite/PostgreSQL serial, String otherwise).
const idType = () => (typeof published[0] === 'number' ? 'Int' : 'String')

const publish = async (title: string) =>
  (
    await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title, _status: 'published' }) as never,
    })
  ).id

beforeAll(async () => {
  payload = await bootPayload('readers-scraps', { email: outbox.adapter })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editorToken = await api.login(loginEmails().editor, PASSWORD)
  for (let index = 0; index < 5; index++) published.push(await publish(`스크랩 기사 ${index}`))
  draft = (
    await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '초안 기사' }) as never,
      draft: true,
    })
  ).id
  embargoed = (
    await payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        title: '엠바고 기사',
        _status: 'published',
        embargoUntil: new Date(Date.now() + 24 * 3600 * 1000).toISOString(),
      }) as never,
    })
  ).id
  alice = await signUpReader(api, outbox, 'alice@example.com')
  bob = await signUpReader(api, outbox, 'bob@example.com')
})
afterAll(async () => {
  await payload?.destroy()
})

describe('saving an article', () => {
  it('saves once: 201, then 200 with the same scrap, one row', async () => {
    const first = await api.rest('POST', '/scraps', {
      token: alice.token,
      body: { article: published[0] },
    })
    expect(first.status, first.text).toBe(201)
    expect(first.body.doc.article.title).toBe('스크랩 기사 0')
    expect(first.body.doc.savedAt).toMatch(/\+09:00$/)
    const again = await api.rest('POST', '/scraps', {
      token: alice.token,
      body: { article: published[0] },
    })
    expect(again.status).toBe(200)
    expect(again.body.doc.id).toBe(first.body.doc.id)
    expect(
      await countOf(payload, 'scraps', {
        and: [{ reader: { equals: alice.id } }, { article: { equals: published[0] } }],
      }),
    ).toBe(1)
  })

  it('keeps one scrap when saves of one article race', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, () =>
        api.rest('POST', '/scraps', { token: alice.token, body: { article: published[3] } }),
      ),
    )
    for (const answer of answers) expect([200, 201], answer.text).toContain(answer.status)
    expect(new Set(answers.map((answer) => String(answer.body.doc.id))).size).toBe(1)
    expect(
      await countOf(payload, 'scraps', {
        and: [{ reader: { equals: alice.id } }, { article: { equals: published[3] } }],
      }),
    ).toBe(1)
  })

  it('has the database refuse a second row itself (the unique index on reader and article)', async () => {
    await expect(
      payload.db.create({
        collection: 'scraps',
        data: { reader: alice.id, article: published[0] },
      }),
    ).rejects.toThrow()
    expect(
      await countOf(payload, 'scraps', {
        and: [{ reader: { equals: alice.id } }, { article: { equals: published[0] } }],
      }),
    ).toBe(1)
    // The same write of another pair goes in: it was the pair that was refused.
    const other = await payload.db.create({
      collection: 'scraps',
      data: { reader: alice.id, article: published[4] },
    })
    await payload.delete({ collection: 'scraps', id: other.id })
  })

  it('answers 409 to a second create through GraphQL and the Local API', async () => {
    const gql = await api.graphql(
      `mutation ($article: ${idType()}!) { createScrap(data: { article: $article }) { id } }`,
      { article: published[0] },
      alice.token,
    )
    expect(gql.body.errors?.[0]?.extensions?.code).toBe('CONFLICT')
    await expect(
      payload.create({
        collection: 'scraps',
        data: { reader: alice.id, article: published[0] } as never,
      }),
    ).rejects.toMatchObject({ status: 409 })
  })

  it('refuses drafts, embargoed and unknown articles with 404', async () => {
    for (const article of [draft, embargoed, typeof draft === 'number' ? 999999 : 'x'.repeat(24)]) {
      const { body, status } = await api.rest('POST', '/scraps', {
        token: alice.token,
        body: { article },
      })
      expect(status).toBe(404)
      expect(body.errors[0].code).toBe('NOT_FOUND')
    }
    expect((await api.rest('POST', '/scraps', { token: alice.token, body: {} })).status).toBe(400)
  })

  it('is for readers only: 401 anonymous, 403 staff', async () => {
    expect((await api.rest('POST', '/scraps', { body: { article: published[1] } })).status).toBe(
      401,
    )
    const staff = await api.rest('POST', '/scraps', {
      token: editorToken,
      body: { article: published[1] },
    })
    expect(staff.status).toBe(403)
  })

  it('saves in the reader’s own name whatever the body says', async () => {
    const { body } = await api.graphql(
      `mutation ($article: ${idType()}!, $reader: ${idType()}!) { createScrap(data: { article: $article, reader: $reader }) { id reader { id } } }`,
      { article: published[1], reader: bob.id },
      alice.token,
    )
    expect(body.errors).toBeUndefined()
    expect(String(body.data.createScrap.reader.id)).toBe(String(alice.id))
    expect(
      await countOf(payload, 'scraps', {
        and: [{ reader: { equals: bob.id } }, { article: { equals: published[1] } }],
      }),
    ).toBe(0)
  })
})

describe('listing my scraps', () => {
  it('lists newest first, paginated, in the headline shape', async () => {
    for (const article of published.slice(2)) {
      const saved = await api.rest('POST', '/scraps', { token: bob.token, body: { article } })
      expect(saved.status).toBe(201)
      await new Promise((resolve) => setTimeout(resolve, 15))
    }
    const first = await api.rest('GET', '/scraps/mine?limit=2', { token: bob.token })
    expect(first.status).toBe(200)
    expect(first.headers.get('cache-control')).toContain('no-store')
    expect(first.body.totalDocs).toBe(3)
    expect(first.body.totalPages).toBe(2)
    expect(first.body.docs.map((doc: any) => doc.article.title)).toEqual([
      '스크랩 기사 4',
      '스크랩 기사 3',
    ])
    expect(Object.keys(first.body.docs[0].article)).toEqual([...HEADLINE_KEYS])
    expect(first.body.docs[0].article.url).toMatch(/^https?:\/\//)
    const second = await api.rest('GET', '/scraps/mine?limit=2&page=2', { token: bob.token })
    expect(second.body.docs.map((doc: any) => doc.article.title)).toEqual(['스크랩 기사 2'])
    expect((await api.rest('GET', '/scraps/mine?limit=0', { token: bob.token })).status).toBe(400)
    expect((await api.rest('GET', '/scraps/mine?limit=1000', { token: bob.token })).status).toBe(
      400,
    )
  })

  it('shows an article taken down as null, and one deleted not at all', async () => {
    const article = await publish('내려갈 기사')
    const gone = await publish('지워질 기사')
    for (const id of [article, gone])
      await api.rest('POST', '/scraps', { token: bob.token, body: { article: id } })
    await payload.update({ collection: 'articles', id: article, data: { _status: 'draft' } })
    await payload.delete({ collection: 'articles', id: gone })
    const { body } = await api.rest('GET', '/scraps/mine?limit=100', { token: bob.token })
    expect(body.totalDocs).toBe(4)
    expect(body.docs[0].article).toBeNull()
    expect(await countOf(payload, 'scraps', { article: { equals: gone } })).toBe(0)
  })

  it('tells whether one article is saved', async () => {
    const saved = await api.rest('GET', `/scraps/articles/${published[2]}`, { token: bob.token })
    expect(saved.body.saved).toBe(true)
    const not = await api.rest('GET', `/scraps/articles/${published[2]}`, { token: alice.token })
    expect(not.body.saved).toBe(false)
  })
})

describe('privacy of scraps', () => {
  it('REST find shows only one’s own, whatever the where', async () => {
    const own = await api.rest('GET', '/scraps?limit=100', { token: alice.token })
    expect(own.body.docs.length).toBeGreaterThan(0)
    expect(
      own.body.docs.every((doc: any) => String(doc.reader?.id ?? doc.reader) === String(alice.id)),
    ).toBe(true)
    const escape = await api.rest(
      'GET',
      `/scraps?where[or][0][reader][equals]=${bob.id}&where[or][1][id][exists]=true&limit=100`,
      { token: alice.token },
    )
    expect(
      escape.body.docs.every(
        (doc: any) => String(doc.reader?.id ?? doc.reader) === String(alice.id),
      ),
    ).toBe(true)
    expect((await api.rest('GET', '/scraps')).status).toBe(403)
    const staff = await api.rest('GET', '/scraps', { token: editorToken })
    expect(staff.status).toBe(403)
  })

  it('GraphQL shows only one’s own', async () => {
    const { body } = await api.graphql(
      `{ Scraps(limit: 100, where: { reader: { equals: ${JSON.stringify(bob.id)} } }) { totalDocs docs { id } } }`,
      undefined,
      alice.token,
    )
    expect(body.data.Scraps.totalDocs).toBe(0)
  })

  it('cannot read or delete another reader’s scrap by id', async () => {
    const bobs = await payload.find({
      collection: 'scraps',
      where: { reader: { equals: bob.id } },
      limit: 1,
      depth: 0,
    })
    const id = bobs.docs[0]!.id
    expect((await api.rest('GET', `/scraps/${id}`, { token: alice.token })).status).toBe(404)
    expect([403, 404]).toContain(
      (await api.rest('DELETE', `/scraps/${id}`, { token: alice.token })).status,
    )
    expect(await countOf(payload, 'scraps', { id: { equals: id } })).toBe(1)
    const byArticle = await api.rest('DELETE', `/scraps/articles/${bobs.docs[0]!.article}`, {
      token: alice.token,
    })
    expect(byArticle.body.removed).toBe(0)
    expect(await countOf(payload, 'scraps', { id: { equals: id } })).toBe(1)
  })

  it('removes one’s own by article (idempotent) and by id', async () => {
    const removed = await api.rest('DELETE', `/scraps/articles/${published[2]}`, {
      token: bob.token,
    })
    expect(removed.body.removed).toBe(1)
    const again = await api.rest('DELETE', `/scraps/articles/${published[2]}`, {
      token: bob.token,
    })
    expect(again.status).toBe(200)
    expect(again.body.removed).toBe(0)
    const mine = await api.rest('GET', '/scraps/mine', { token: bob.token })
    const byId = await api.rest('DELETE', `/scraps/${mine.body.docs[0].id}`, { token: bob.token })
    expect(byId.status).toBe(200)
  })
})
