import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
const tokens: Record<'admin' | 'editor' | 'kim' | 'park', string> = {
  admin: '',
  editor: '',
  kim: '',
  park: '',
}
let published: { id: number | string }
let kimDraft: { id: number | string }
let parkDraft: { id: number | string }

beforeAll(async () => {
  payload = await bootPayload('access')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  const emails = loginEmails()
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[])
    tokens[role] = await api.login(emails[role], PASSWORD)
  published = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '발행된 기사', _status: 'published' }) as never,
  })
  kimDraft = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: '김 기자 초안' }) as never,
    draft: true,
  })
  parkDraft = await payload.create({
    collection: 'articles',
    data: articleData(fixture, {
      title: '박 기자 초안',
      reporters: [fixture.reporters.park],
    }) as never,
    draft: true,
  })
  // A pending draft on top of the published article: its title must never leak to readers.
  await payload.update({
    collection: 'articles',
    id: published.id,
    data: { title: '아직 비공개인 수정 제목' },
    draft: true,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

// Payload answers in the request's language; the admin's default is Korean.
const FORBIDDEN = /not allowed|권한이 없습니다/

const titles = (docs: { title: string }[]) => docs.map((doc) => doc.title).sort()

describe('anonymous readers see published articles only', () => {
  it('REST list', async () => {
    const { body, status } = await api.rest('GET', '/articles?limit=100')
    expect(status).toBe(200)
    expect(titles(body.docs)).toEqual(['발행된 기사'])
  })

  it('REST list with draft=true', async () => {
    const { body } = await api.rest('GET', '/articles?draft=true&limit=100')
    expect(titles(body.docs)).toEqual(['발행된 기사'])
  })

  it('REST by id, with and without draft=true', async () => {
    expect((await api.rest('GET', `/articles/${kimDraft.id}`)).status).toBe(404)
    expect((await api.rest('GET', `/articles/${kimDraft.id}?draft=true`)).status).toBe(404)
    const { body } = await api.rest('GET', `/articles/${published.id}?draft=true`)
    expect(body.title).toBe('발행된 기사')
  })

  it('GraphQL list and by id', async () => {
    const list = await api.graphql('{ Articles(limit: 100) { docs { title } } }')
    expect(titles(list.body.data.Articles.docs)).toEqual(['발행된 기사'])
    const draftList = await api.graphql('{ Articles(draft: true, limit: 100) { docs { title } } }')
    expect(titles(draftList.body.data.Articles.docs)).toEqual(['발행된 기사'])
    const one = await api.graphql(`{ Article(id: ${JSON.stringify(kimDraft.id)}) { title } }`)
    expect(one.body.data?.Article ?? null).toBeNull()
  })

  it('versions, over REST and GraphQL', async () => {
    expect((await api.rest('GET', '/articles/versions')).status).toBe(403)
    const gql = await api.graphql('{ versionsArticles { docs { id } } }')
    expect(gql.body.errors?.[0]?.message).toMatch(FORBIDDEN)
  })

  it('join field reporters.articles, over REST and GraphQL', async () => {
    const rest = await api.rest('GET', `/reporters/${fixture.reporters.kim}?depth=1`)
    expect(titles(rest.body.articles.docs)).toEqual(['발행된 기사'])
    const gql = await api.graphql(
      `{ Reporter(id: ${JSON.stringify(fixture.reporters.kim)}) { articles { docs { title } } } }`,
    )
    expect(titles(gql.body.data.Reporter.articles.docs)).toEqual(['발행된 기사'])
  })

  it('cannot write articles', async () => {
    expect((await api.rest('POST', '/articles', { body: articleData(fixture) })).status).toBe(403)
    expect(
      (await api.rest('PATCH', `/articles/${published.id}`, { body: { title: 'x' } })).status,
    ).toBe(403)
    expect((await api.rest('DELETE', `/articles/${published.id}`)).status).toBe(403)
    const gql = await api.graphql(
      `mutation { deleteArticle(id: ${JSON.stringify(published.id)}) { id } }`,
    )
    expect(gql.body.errors?.[0]?.message).toMatch(FORBIDDEN)
  })

  it('cannot list users or read their emails', async () => {
    expect((await api.rest('GET', '/users')).status).toBe(403)
    expect((await api.rest('GET', `/users/${fixture.users.kim}`)).status).toBe(403)
    const gql = await api.graphql('{ Users { docs { email } } }')
    expect(gql.body.errors?.[0]?.message).toMatch(FORBIDDEN)
    expect(JSON.stringify(gql.body)).not.toContain('@example.com')
    const reporter = await api.rest('GET', `/reporters/${fixture.reporters.kim}?depth=2`)
    expect(JSON.stringify(reporter.body)).not.toContain('kim-user@example.com')
  })
})

describe('a reporter', () => {
  it('creates drafts and is put on the byline', async () => {
    const { body, status } = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '기자가 쓴 새 기사', reporters: [] }),
      token: tokens.kim,
    })
    expect(status).toBe(201)
    expect(body.doc.reporters.map((reporter: { id: unknown }) => reporter.id)).toEqual([
      fixture.reporters.kim,
    ])
    expect(body.doc._status).toBe('draft')
  })

  it('cannot create an article already published', async () => {
    const { status } = await api.rest('POST', '/articles', {
      body: articleData(fixture, { _status: 'published' }),
      token: tokens.kim,
    })
    expect(status).toBe(403)
  })

  it('edits drafts with their byline, not others', async () => {
    expect(
      (
        await api.rest('PATCH', `/articles/${kimDraft.id}?draft=true`, {
          body: { subtitle: '부제' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await api.rest('PATCH', `/articles/${parkDraft.id}?draft=true`, {
          body: { subtitle: '부제' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    const gql = await api.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(parkDraft.id)}, draft: true, data: { subtitle: "x" }) { id } }`,
      undefined,
      tokens.kim,
    )
    expect(gql.body.errors?.[0]?.message).toMatch(FORBIDDEN)
  })

  it('cannot publish, over REST or GraphQL', async () => {
    expect(
      (
        await api.rest('PATCH', `/articles/${kimDraft.id}`, {
          body: { _status: 'published' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    const gql = await api.graphql(
      `mutation { updateArticle(id: ${JSON.stringify(kimDraft.id)}, data: { _status: published }) { id } }`,
      undefined,
      tokens.kim,
    )
    expect(gql.body.errors?.[0]?.message).toMatch(FORBIDDEN)
    const stored = await payload.findByID({ collection: 'articles', id: kimDraft.id, draft: true })
    expect(stored._status).toBe('draft')
  })

  it('cannot unpublish, but may save a draft over a published article', async () => {
    expect(
      (
        await api.rest('PATCH', `/articles/${published.id}`, {
          body: { _status: 'draft' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await api.rest('PATCH', `/articles/${published.id}?draft=true`, {
          body: { subtitle: '초안 부제' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(200)
    const live = await payload.findByID({ collection: 'articles', id: published.id })
    expect(live).toMatchObject({ _status: 'published', title: '발행된 기사' })
  })

  it('cannot delete', async () => {
    expect(
      (await api.rest('DELETE', `/articles/${kimDraft.id}`, { token: tokens.kim })).status,
    ).toBe(403)
  })

  it('cannot manage sections, regions or reporters', async () => {
    expect(
      (await api.rest('POST', '/sections', { body: { name: '새 섹션' }, token: tokens.kim }))
        .status,
    ).toBe(403)
    expect(
      (await api.rest('POST', '/reporters', { body: { name: '새 기자' }, token: tokens.kim }))
        .status,
    ).toBe(403)
    expect(
      (
        await api.rest('PATCH', `/regions/${fixture.regions.ulsan}`, {
          body: { name: 'x' },
          token: tokens.kim,
        })
      ).status,
    ).toBe(403)
  })

  it('sees who the other accounts are, only their own in full, and cannot grant themselves roles', async () => {
    // Staff name each other (the edit-lock dialog); roles and the reporter link stay private
    // (test/security/staff-accounts.int.spec.ts).
    const { body } = await api.rest('GET', '/users?limit=100', { token: tokens.kim })
    const docs = body.docs as { email: string; id: unknown; roles?: string[] }[]
    expect(docs.length).toBeGreaterThan(1)
    for (const doc of docs)
      expect(doc.roles, doc.email).toEqual(doc.id === fixture.users.kim ? ['reporter'] : undefined)
    await api.rest('PATCH', `/users/${fixture.users.kim}`, {
      body: { roles: ['admin'] },
      token: tokens.kim,
    })
    const stored = await payload.findByID({ collection: 'users', id: fixture.users.kim })
    expect(stored.roles).toEqual(['reporter'])
  })
})

describe('an editor', () => {
  it('publishes, unpublishes and deletes any article', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { reporters: [fixture.reporters.park] }) as never,
      draft: true,
    })
    expect(
      (
        await api.rest('PATCH', `/articles/${draft.id}`, {
          body: { _status: 'published' },
          token: tokens.editor,
        })
      ).status,
    ).toBe(200)
    expect(
      (
        await api.rest('PATCH', `/articles/${draft.id}`, {
          body: { _status: 'draft' },
          token: tokens.editor,
        })
      ).status,
    ).toBe(200)
    const gql = await api.graphql(
      `mutation { deleteArticle(id: ${JSON.stringify(draft.id)}) { id } }`,
      undefined,
      tokens.editor,
    )
    expect(gql.body.errors).toBeUndefined()
  })

  it('reads versions', async () => {
    const { status, body } = await api.rest(
      'GET',
      `/articles/versions?where[parent][equals]=${published.id}`,
      { token: tokens.editor },
    )
    expect(status).toBe(200)
    expect(body.totalDocs).toBeGreaterThan(1)
  })

  it('manages sections, regions and reporters but not users', async () => {
    expect(
      (await api.rest('POST', '/sections', { body: { name: '편집자 섹션' }, token: tokens.editor }))
        .status,
    ).toBe(201)
    expect(
      (
        await api.rest('POST', '/reporters', {
          body: { name: '편집자가 만든 기자' },
          token: tokens.editor,
        })
      ).status,
    ).toBe(201)
    expect(
      (
        await api.rest('POST', '/users', {
          body: { email: 'x@example.com', password: PASSWORD, roles: ['reporter'] },
          token: tokens.editor,
        })
      ).status,
    ).toBe(403)
  })
})

describe('an admin', () => {
  it('manages users and their roles', async () => {
    const created = await api.rest('POST', '/users', {
      body: { email: 'new-editor@example.com', password: PASSWORD, roles: ['editor'] },
      token: tokens.admin,
    })
    expect(created.status).toBe(201)
    expect(created.body.doc.roles).toEqual(['editor'])
    const list = await api.rest('GET', '/users?limit=100', { token: tokens.admin })
    expect(list.body.totalDocs).toBeGreaterThanOrEqual(5)
  })
})
