import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { withLockRule } from '../../collections/access/withLockRule'
import { withHttpCache } from '../../plugins/http-cache'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { captureEmails } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { READER_PASSWORD, signUpReader } from './readerHelpers'

type ID = number | string
const outbox = captureEmails()
let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let reader: { id: ID; token: string }
let other: { id: ID; token: string }
let editorToken: string
let published: ID
let draft: ID
let embargoed: ID
let idType: 'Int' | 'String'
const env = process.env as Record<string, string | undefined>

beforeAll(async () => {
  payload = await bootPayload('readers-security', { email: outbox.adapter })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editorToken = await api.login(loginEmails().editor, PASSWORD)
  published = (
    await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '공개 기사', _status: 'published' }) as never,
    })
  ).id
  idType = typeof published === 'number' ? 'Int' : 'String'
  // A pending draft on top of the published article: its title must never reach a reader.
  await payload.update({
    collection: 'articles',
    id: published,
    data: { title: '비공개 수정 제목' },
    draft: true,
  })
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
  reader = await signUpReader(api, outbox, 'sec-reader@example.com')
  other = await signUpReader(api, outbox, 'sec-other@example.com')
})
afterAll(async () => {
  await payload?.destroy()
})

const titles = (docs: { title: string }[]) => docs.map((doc) => doc.title).sort()

describe('a signed-in reader never reaches the admin or staff data', () => {
  it('is refused the admin (canAccessAdmin) and is nobody in `users`', async () => {
    const access = await api.rest('GET', '/access', { token: reader.token })
    expect(access.status).toBe(200)
    // Payload leaves out the permissions one lacks.
    expect(access.body.canAccessAdmin ?? false).toBe(false)
    const staff = await api.rest('GET', '/access', { token: editorToken })
    expect(staff.body.canAccessAdmin).toBe(true)
    const me = await api.rest('GET', '/users/me', { token: reader.token })
    expect(me.body.user ?? null).toBeNull()
  })

  it('reads no staff account, audit entry, delivery or channel', async () => {
    for (const collection of [
      'users',
      'audit-log',
      'webhook-deliveries',
      'distribution-channels',
    ]) {
      const { status } = await api.rest('GET', `/${collection}`, { token: reader.token })
      expect(status, collection).toBe(403)
    }
    const gql = await api.graphql(
      '{ Users { docs { id email } } DistributionChannels { docs { id url } } WebhookDeliveries { docs { id } } AuditLogs { docs { id } } }',
      undefined,
      reader.token,
    )
    expect(gql.body.data?.Users ?? null).toBeNull()
    expect(gql.body.data?.DistributionChannels ?? null).toBeNull()
    expect(gql.body.data?.WebhookDeliveries ?? null).toBeNull()
    expect(gql.body.data?.AuditLogs ?? null).toBeNull()
  })

  it('cannot create a distribution channel (a webhook to anywhere)', async () => {
    const { status } = await api.rest('POST', '/distribution-channels', {
      token: reader.token,
      body: { name: '탈취', kind: 'webhook', url: 'https://attacker.example/hook' },
    })
    expect(status).toBe(403)
    expect(
      (await payload.count({ collection: 'distribution-channels', overrideAccess: true }))
        .totalDocs,
    ).toBe(0)
  })

  it('does not see which login a reporter byline belongs to', async () => {
    await payload.update({
      collection: 'reporters',
      id: fixture.reporters.kim,
      data: { user: fixture.users.kim as number },
    })
    const { body } = await api.rest('GET', `/reporters/${fixture.reporters.kim}`, {
      token: reader.token,
    })
    expect(body.name).toBeDefined()
    expect(body.user).toBeUndefined()
    const staff = await api.rest('GET', `/reporters/${fixture.reporters.kim}?depth=0`, {
      token: editorToken,
    })
    expect(String(staff.body.user)).toBe(String(fixture.users.kim))
  })

  it('cannot move a reporter’s articles to another', async () => {
    const { status } = await api.rest('POST', `/reporters/${fixture.reporters.kim}/reassign`, {
      token: reader.token,
      body: { to: fixture.reporters.park },
    })
    expect(status).toBe(403)
  })

  it('cannot run or queue jobs', async () => {
    const run = await api.rest('GET', '/payload-jobs/run', { token: reader.token })
    expect([401, 403]).toContain(run.status)
  })

  it('reads no edit lock', async () => {
    const guarded = withLockRule(payload.config, (request) =>
      handleEndpoints({ config: payload.config, request }),
    )
    const response = await guarded(
      new Request('http://localhost/api/payload-locked-documents', {
        headers: { authorization: `JWT ${reader.token}` },
      }),
    )
    expect(response.status).toBe(403)
  })
})

describe('a signed-in reader sees what an anonymous visitor sees', () => {
  it('gets no draft, on REST with draft=true', async () => {
    const list = await api.rest('GET', '/articles?draft=true&limit=100', { token: reader.token })
    expect(titles(list.body.docs)).toEqual(['공개 기사'])
    const one = await api.rest('GET', `/articles/${published}?draft=true`, { token: reader.token })
    expect(one.body.title).toBe('공개 기사')
    expect((await api.rest('GET', `/articles/${draft}`, { token: reader.token })).status).toBe(404)
    expect((await api.rest('GET', '/articles/versions', { token: reader.token })).status).toBe(403)
  })

  it('gets no draft and no embargoed article on GraphQL', async () => {
    const { body } = await api.graphql(
      `query ($id: ${idType}!) { Article(id: $id, draft: true) { title } Articles(draft: true, limit: 100) { docs { title } } }`,
      { id: published },
      reader.token,
    )
    expect(body.data.Article.title).toBe('공개 기사')
    expect(titles(body.data.Articles.docs)).toEqual(['공개 기사'])
    const hidden = await api.graphql(
      `query ($id: ${idType}!) { Article(id: $id) { title } }`,
      { id: embargoed },
      reader.token,
    )
    expect(hidden.body.data?.Article ?? null).toBeNull()
  })

  it('gets no embargoed article on REST', async () => {
    expect((await api.rest('GET', `/articles/${embargoed}`, { token: reader.token })).status).toBe(
      404,
    )
  })

  it('gets no preview token, so no draft through one', async () => {
    const minted = await api.rest('POST', `/articles/${published}/preview-token`, {
      token: reader.token,
    })
    expect(minted.status).toBe(403)
    expect(minted.body.token).toBeUndefined()
    const url = await api.rest('GET', `/articles/${published}/preview-url`, { token: reader.token })
    expect(url.status).toBe(403)
  })

  it('cannot create, update or delete articles', async () => {
    const created = await api.rest('POST', '/articles', {
      token: reader.token,
      body: articleData(fixture, { title: '독자 기사' }),
    })
    expect(created.status).toBe(403)
    const updated = await api.rest('PATCH', `/articles/${published}`, {
      token: reader.token,
      body: { title: '독자가 바꾼 제목' },
    })
    expect(updated.status).toBe(403)
    expect(
      (await api.rest('DELETE', `/articles/${published}`, { token: reader.token })).status,
    ).toBe(403)
    const gql = await api.graphql(
      `mutation ($id: ${idType}!) { updateArticle(id: $id, data: { title: "GraphQL 탈취" }) { title } }`,
      { id: published },
      reader.token,
    )
    expect(gql.body.errors?.length).toBeGreaterThan(0)
    const stored = await payload.findByID({ collection: 'articles', id: published, depth: 0 })
    expect(stored.title).toBe('공개 기사')
  })

  it('gets no staff ETag (the version a staff save would merge onto)', async () => {
    const reading = await api.rest('GET', `/articles/${published}`, { token: reader.token })
    expect(reading.status).toBe(200)
    expect(reading.headers.get('etag')).toBeNull()
    const staff = await api.rest('GET', `/articles/${published}`, { token: editorToken })
    expect(staff.headers.get('etag')).toBeTruthy()
  })

  it('has no staff page size', async () => {
    const reading = await api.rest('GET', '/articles?limit=500', { token: reader.token })
    expect(reading.status).toBe(400)
    const staff = await api.rest('GET', '/articles?limit=500', { token: editorToken })
    expect(staff.status).toBe(200)
  })

  it('gets no introspection in production', async () => {
    const before = env.NODE_ENV
    env.NODE_ENV = 'production'
    try {
      const { body } = await api.graphql(
        '{ __schema { queryType { name } } }',
        undefined,
        reader.token,
      )
      expect(body.errors?.[0]?.extensions?.code).toBe('QUERY_NOT_ALLOWED')
    } finally {
      env.NODE_ENV = before
    }
  })

  it('is never answered as a shared (public) cache entry', async () => {
    const read = withHttpCache((request: Request) =>
      handleEndpoints({ config: payload.config, request }),
    )
    const response = await read(
      new Request('http://localhost/api/articles?limit=5', {
        headers: { authorization: `JWT ${reader.token}` },
      }),
    )
    expect(response.status).toBe(200)
    expect(response.headers.get('cache-control')).toBe('private, no-store')
    expect(response.headers.get('surrogate-key')).toBeNull()
  })
})

describe('accounts', () => {
  it('cannot verify or create verified accounts for others', async () => {
    const created = await api.rest('POST', '/readers', {
      token: reader.token,
      body: { email: 'victim@example.com', password: READER_PASSWORD, _verified: true },
    })
    expect(created.status).toBe(201)
    const stored = await payload.findByID({ collection: 'readers', id: created.body.doc.id })
    expect(stored._verified).toBe(false)
    const login = await api.rest('POST', '/readers/login', {
      body: { email: 'victim@example.com', password: READER_PASSWORD },
    })
    expect(login.status).toBe(403)
    const patched = await api.rest('PATCH', `/readers/${created.body.doc.id}`, {
      token: reader.token,
      body: { _verified: true },
    })
    expect([403, 404]).toContain(patched.status)
    expect(
      (await payload.findByID({ collection: 'readers', id: created.body.doc.id }))._verified,
    ).toBe(false)
  })

  it('reads and changes no other reader, on REST and GraphQL', async () => {
    expect((await api.rest('GET', `/readers/${other.id}`, { token: reader.token })).status).toBe(
      404,
    )
    const { body } = await api.graphql(
      `query ($id: ${idType}!) { Reader(id: $id) { email } }`,
      { id: other.id },
      reader.token,
    )
    expect(body.data?.Reader ?? null).toBeNull()
    const mutation = await api.graphql(
      `mutation ($id: ${idType}!) { updateReader(id: $id, data: { nickname: "탈취" }) { id } }`,
      { id: other.id },
      reader.token,
    )
    expect(mutation.body.errors?.length).toBeGreaterThan(0)
  })

  it('a staff token gets no reader data and staff cannot sign in as readers', async () => {
    const list = await api.rest('GET', '/readers', { token: editorToken })
    expect(list.status).toBe(403)
    const login = await api.rest('POST', '/readers/login', {
      body: { email: loginEmails().editor, password: PASSWORD },
    })
    expect(login.status).toBe(401)
  })
})
