import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'
import type { AppRoutes } from './routes'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { appRoutes } from './routes'

// MongoDB update operators in a body (`$set`, `$unset`, `$rename`, … at any depth) and `__proto__`
// keys: Payload 3.86–3.94.1 passed `$` keys to MongoDB past field-level update access
// (CVE-2026-144571). Refused with 400 on every path and every database, before anything is written.

let payload: Payload
let fixture: NewsroomFixture
let routes: AppRoutes
let api: ReturnType<typeof apiClient>
let reporterToken: string
let editorToken: string

beforeAll(async () => {
  payload = await bootPayload('operator-keys')
  fixture = await createNewsroom(payload)
  routes = appRoutes(payload)
  api = apiClient(payload)
  reporterToken = await api.login(loginEmails().kim, PASSWORD)
  editorToken = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const send = (method: string, path: string, body: string, token: string) =>
  routes.rest(
    new Request(`http://localhost/api${path}`, {
      body,
      headers: { authorization: `JWT ${token}`, 'content-type': 'application/json' },
      method,
    }),
  )

const expectRefused = async (response: Response, path: string) => {
  expect(response.status).toBe(400)
  const body = await response.json()
  expect(body.errors[0].code).toBe('VALIDATION')
  expect(body.errors[0].message).toContain(path)
}

const rolesOf = async (id: number | string) =>
  (await payload.findByID({ collection: 'users', id, overrideAccess: true })).roles

describe('a body with MongoDB operator keys', () => {
  it('cannot grant a reporter the admin role (the CVE: `$set` past the roles field access)', async () => {
    const id = fixture.users.kim
    for (const body of [
      { $set: { roles: ['admin'] } },
      { name: '김', $set: { roles: ['admin'] } },
      { $rename: { reporter: 'roles' } },
    ]) {
      // Through the route handlers (the HTTP layer refuses the JSON body) …
      await expectRefused(
        await send('PATCH', `/users/${id}`, JSON.stringify(body), reporterToken),
        Object.keys(body).find((key) => key.startsWith('$'))!,
      )
      // … and past them (the collection's guard refuses the data).
      const direct = await api.rest('PATCH', `/users/${id}`, { body, token: reporterToken })
      expect(direct.status).toBe(400)
      expect(direct.body.errors[0].message).toContain('$')
    }
    expect(await rolesOf(id)).toEqual(['reporter'])
  })

  it('is refused at any depth: rich text, groups, arrays; and __proto__ keys', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '연산자 키' }) as never,
    })
    const deep = { root: { children: [{ children: [{ text: 'x', $where: 'sleep(1000)' }] }] } }
    const cases: [unknown, string][] = [
      [{ body: deep }, 'body.root.children.0.children.0.$where'],
      [{ subtitle: '부제', keywords: ['울산', { $gt: '' }] }, 'keywords.1.$gt'],
      [{ title: '다른 제목', 'author.$': 1 }, 'author.$'],
    ]
    for (const [body, path] of cases) {
      await expectRefused(
        await send('PATCH', `/articles/${article.id}`, JSON.stringify(body), editorToken),
        path,
      )
      const direct = await api.rest('PATCH', `/articles/${article.id}`, {
        body,
        token: editorToken,
      })
      expect(direct.status).toBe(400)
    }
    // JSON.parse keeps `__proto__` as an own key, as a server's body parser does.
    const proto = '{"title":"프로토","__proto__":{"roles":["admin"]}}'
    await expectRefused(
      await send('PATCH', `/articles/${article.id}`, proto, editorToken),
      '__proto__',
    )
    await expect(
      payload.update({
        collection: 'articles',
        id: article.id,
        data: JSON.parse('{"subtitle":"x","meta":{"__proto__.polluted":1}}'),
      }),
    ).rejects.toMatchObject({ status: 400 })
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.title).toBe('연산자 키')
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })

  it('is refused on create, through GraphQL variables, in an upload’s _payload and on the Local API', async () => {
    const before = await payload.count({ collection: 'articles' })
    await expectRefused(
      await send(
        'POST',
        '/articles',
        JSON.stringify({ ...articleData(fixture), $inc: { viewCount: 1 } }),
        editorToken,
      ),
      '$inc',
    )
    const graphql = await routes.graphqlPost(
      new Request('http://localhost/api/graphql', {
        body: JSON.stringify({
          query: 'mutation ($data: mutationArticleInput!) { createArticle(data: $data) { id } }',
          variables: { data: { ...articleData(fixture), body: { $set: { x: 1 } } } },
        }),
        headers: { authorization: `JWT ${editorToken}`, 'content-type': 'application/json' },
        method: 'POST',
      }),
    )
    expect(graphql.status).toBe(400)
    expect(JSON.stringify(await graphql.json())).toContain('variables.data.body.$set')

    const form = new FormData()
    form.set('_payload', JSON.stringify({ alt: '사진', caption: { $unset: '' } }))
    form.set('file', new Blob([new Uint8Array(8)], { type: 'image/png' }), 'x.png')
    const upload = await routes.rest(
      new Request('http://localhost/api/media', {
        body: form,
        headers: { authorization: `JWT ${editorToken}` },
        method: 'POST',
      }),
    )
    expect(upload.status).toBe(400)
    expect(JSON.stringify(await upload.json())).toContain('caption.$unset')

    await expect(
      payload.create({
        collection: 'sections',
        data: { name: '섹션', $set: { slug: 'x' } } as never,
      }),
    ).rejects.toMatchObject({ status: 400 })
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before.totalDocs)
  })

  it('is refused on the collections Payload adds itself (preferences)', async () => {
    const response = await send(
      'POST',
      '/payload-preferences/nav',
      JSON.stringify({ value: { groups: { $set: { open: true } } } }),
      reporterToken,
    )
    await expectRefused(response, 'value.groups.$set')
  })

  it('leaves ordinary data alone: a `$` inside a key or in a value is data', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '가격 $100' }) as never,
    })
    const saved = await send(
      'PATCH',
      `/articles/${article.id}`,
      JSON.stringify({ subtitle: '$5 할인', keywords: ['$', 'US$'] }),
      editorToken,
    )
    expect(saved.status).toBe(200)
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.subtitle).toBe('$5 할인')
    expect(stored.keywords).toEqual(['$', 'US$'])
    expect(stored.title).toBe('가격 $100')
  })
})
