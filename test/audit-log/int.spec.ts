import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { itUnlessFerretDB } from '../helpers/mongoCompat'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let admin: string
let editor: string
let kim: string

beforeAll(async () => {
  payload = await bootPayload('audit_log', { newsroom: { auditLog: { trustedProxies: 1 } } })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  admin = await api.login(loginEmails().admin, PASSWORD)
  editor = await api.login(loginEmails().editor, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

type Entry = {
  action: string
  actorEmail: null | string
  address: null | string
  collectionSlug: string
  detail: null | Record<string, unknown>
  documentId: null | string
  fields: null | string[]
  id: number | string
}

const entriesFor = async (where: Record<string, unknown>) =>
  (
    await payload.find({
      collection: 'audit-log' as never,
      where: where as never,
      sort: 'createdAt',
      limit: 100,
      depth: 0,
    })
  ).docs as unknown as Entry[]

describe('the audit log', () => {
  it('records a story’s life: who, what, which fields, from where — autosaves aside', async () => {
    const headers = { 'x-forwarded-for': '203.0.113.7' }
    const created = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '감사 기록 기사', _status: 'draft' }),
      token: editor,
      headers,
    })
    expect(created.status).toBe(201)
    const id = created.body.doc.id
    const step = (method: string, path: string, body?: unknown) =>
      api.rest(method, path, { body, token: editor, headers })
    await step('PATCH', `/articles/${id}?draft=true&autosave=true`, { subtitle: '자동 저장' })
    await step('PATCH', `/articles/${id}?draft=true`, { subtitle: '부제 저장' })
    await step('PATCH', `/articles/${id}`, { _status: 'published' })
    await step('PATCH', `/articles/${id}`, { title: '출고 후 고친 제목' })
    await step('PATCH', `/articles/${id}`, { _status: 'draft' })
    await step('DELETE', `/articles/${id}`)

    const entries = await entriesFor({
      collectionSlug: { equals: 'articles' },
      documentId: { equals: String(id) },
    })
    expect(entries.map((entry) => entry.action)).toEqual([
      'create',
      'update',
      'publish',
      'update',
      'unpublish',
      'delete',
    ])
    expect(entries[1]!.fields).toEqual(['subtitle'])
    // A change to published text is listed as such.
    expect(entries[3]).toMatchObject({ fields: ['title', 'revisedAt'], detail: { live: true } })
    expect(entries[2]!.detail).toEqual({ workflow: { from: 'writing', to: 'published' } })
    for (const entry of entries)
      expect(entry).toMatchObject({
        actorEmail: loginEmails().editor,
        address: '203.0.113.7',
        collectionSlug: 'articles',
      })
  })

  itUnlessFerretDB('findAndModifyProjection')(
    'records logins and refused logins (without the password)',
    async () => {
      await api.rest('POST', '/users/login', {
        body: { email: loginEmails().kim, password: 'wrong-password-1' },
        headers: { 'x-forwarded-for': '198.51.100.9' },
      })
      await api.rest('POST', '/users/login', {
        body: { email: loginEmails().kim, password: PASSWORD },
        headers: { 'x-forwarded-for': '198.51.100.9' },
      })
      const logins = await entriesFor({
        action: { in: ['login', 'loginFailed'] },
        actorEmail: { equals: loginEmails().kim },
        address: { equals: '198.51.100.9' },
      })
      expect(logins.map((entry) => entry.action)).toEqual(['loginFailed', 'login'])
      expect(JSON.stringify(logins)).not.toContain('wrong-password-1')
    },
  )

  it('names the author of each version', async () => {
    const created = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '버전 작성자', updatedBy: fixture.users.admin }),
      token: kim,
    })
    const id = created.body.doc.id
    await api.rest('PATCH', `/articles/${id}?draft=true`, {
      body: { subtitle: '데스크' },
      token: editor,
    })
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: id } },
      sort: 'createdAt',
      depth: 0,
    })
    expect(versions.docs.map((version) => version.version.updatedBy)).toEqual([
      fixture.users.kim,
      fixture.users.editor,
    ])
  })

  it('records role changes, from and to', async () => {
    const promoted = await api.rest('PATCH', `/users/${fixture.users.park}`, {
      body: { roles: ['editor'] },
      token: admin,
    })
    expect(promoted.status, JSON.stringify(promoted.body)).toBe(200)
    const [change] = await entriesFor({
      action: { equals: 'roles' },
      collectionSlug: { equals: 'users' },
      documentId: { equals: String(fixture.users.park) },
    })
    expect(change).toMatchObject({
      actorEmail: loginEmails().admin,
      detail: { roles: { from: ['reporter'], to: ['editor'] } },
    })
  })

  it('is read by admins (all) and editors (articles only), and changed or deleted by no one', async () => {
    const all = await api.rest('GET', '/audit-log?limit=200', { token: admin })
    expect(all.status).toBe(200)
    const kinds = new Set((all.body.docs as Entry[]).map((entry) => entry.collectionSlug))
    expect(kinds.has('users')).toBe(true)
    const desk = await api.rest('GET', '/audit-log?limit=200', { token: editor })
    expect(desk.status).toBe(200)
    expect(new Set((desk.body.docs as Entry[]).map((entry) => entry.collectionSlug))).toEqual(
      new Set(['articles']),
    )
    expect((await api.rest('GET', '/audit-log', { token: kim })).status).toBe(403)
    expect((await api.rest('GET', '/audit-log')).status).toBe(403)

    const target = (all.body.docs as Entry[])[0]!
    for (const [method, body] of [
      ['PATCH', { action: 'login' }],
      ['DELETE', undefined],
    ] as const) {
      const answer = await api.rest(method, `/audit-log/${target.id}`, { body, token: admin })
      expect(answer.status, method).toBe(403)
    }
    expect(
      (await api.rest('POST', '/audit-log', { body: { action: 'login' }, token: admin })).status,
    ).toBe(403)
    // Server code cannot either.
    await expect(
      payload.update({
        collection: 'audit-log' as never,
        id: target.id,
        data: { action: 'login' } as never,
      }),
    ).rejects.toThrow(/append-only/)
    await expect(
      payload.delete({ collection: 'audit-log' as never, id: target.id }),
    ).rejects.toThrow(/append-only/)
  })
})
