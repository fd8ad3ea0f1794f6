import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'
import type { AppRoutes } from './routes'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { appRoutes, sessionCookieOf } from './routes'
import { graphQLIdType } from '../helpers/ids'

// The newsroom served over https: read when the config (and the users collection) is built.
const ADMIN_ORIGIN = 'https://cms.example.kr'
const SITE_ORIGIN = 'https://news.example.kr'
const EVIL_ORIGIN = 'https://evil.example'
vi.hoisted(() => {
  process.env.NEWSROOM_PUBLIC_URL = 'https://cms.example.kr'
  process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
})

let payload: Payload
let fixture: NewsroomFixture
let routes: AppRoutes
let login: Response
let cookie: string

beforeAll(async () => {
  payload = await bootPayload('csrf')
  fixture = await createNewsroom(payload)
  routes = appRoutes(payload)
  // A real login from the admin's page: the session cookie it sets is what the browser sends back.
  login = await routes.rest(
    new Request(`${ADMIN_ORIGIN}/api/users/login`, {
      body: JSON.stringify({ email: loginEmails().editor, password: PASSWORD }),
      headers: { 'content-type': 'application/json', origin: ADMIN_ORIGIN },
      method: 'POST',
    }),
  )
  expect(login.status).toBe(200)
  cookie = sessionCookieOf(login).pair
})
afterAll(async () => {
  await payload?.destroy()
})

const createArticle = async (title: string) =>
  (await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title, _status: 'published' }) as never,
  })) as unknown as { id: number | string }
const titleOf = async (id: number | string) =>
  (await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })).title

const rest = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
  routes.rest(
    new Request(`${ADMIN_ORIGIN}/api${path}`, {
      body: body === undefined ? undefined : JSON.stringify(body),
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      method,
    }),
  )
const graphql = (
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string>,
) =>
  routes.graphqlPost(
    new Request(`${ADMIN_ORIGIN}/api/graphql`, {
      body: JSON.stringify({ query, variables }),
      headers: { 'content-type': 'application/json', ...headers },
      method: 'POST',
    }),
  )
const UPDATE_TITLE = () =>
  `mutation ($id: ${graphQLIdType(payload)}!, $title: String!) { updateArticle(id: $id, data: { title: $title }) { id title } }`

const expectForbidden = async (response: Response) => {
  expect(response.status).toBe(403)
  expect((await response.json()).errors[0].code).toBe('FORBIDDEN')
}

describe('the session cookie', () => {
  it('is Secure over https, SameSite=Lax and HttpOnly', () => {
    const { attributes } = sessionCookieOf(login)
    expect(attributes).toMatch(/(?:^|;)\s*Secure(?:=true)?\s*(?:;|$)/i)
    expect(attributes).toMatch(/SameSite=Lax/i)
    expect(attributes).toMatch(/HttpOnly/i)
  })

  it('is honoured by Payload only from the trusted origins (its csrf list)', async () => {
    expect(payload.config.csrf).toContain(ADMIN_ORIGIN)
    expect(payload.config.csrf).not.toContain(SITE_ORIGIN)
    const me = async (headers: Record<string, string>) =>
      (await (await rest('GET', '/users/me', { cookie, ...headers })).json()).user
    expect((await me({ origin: ADMIN_ORIGIN }))?.email).toBe(loginEmails().editor)
    expect((await me({ 'sec-fetch-site': 'same-origin' }))?.email).toBe(loginEmails().editor)
    expect(await me({ origin: EVIL_ORIGIN })).toBeNull()
    expect(await me({ origin: SITE_ORIGIN })).toBeNull()
    expect(await me({ 'sec-fetch-site': 'cross-site' })).toBeNull()
    // Neither header: not a browser page; the cookie alone does not sign in.
    expect(await me({})).toBeNull()
  })
})

describe('a cross-site write with the session cookie', () => {
  it('REST PATCH from another Origin is refused (403) and changes nothing', async () => {
    const article = await createArticle('원래 제목')
    await expectForbidden(
      await rest(
        'PATCH',
        `/articles/${article.id}`,
        { cookie, origin: EVIL_ORIGIN },
        { title: '바뀐 제목' },
      ),
    )
    expect(await titleOf(article.id)).toBe('원래 제목')
  })

  it('REST PATCH without Origin but Sec-Fetch-Site: cross-site is refused (403) and changes nothing', async () => {
    const article = await createArticle('원래 제목')
    await expectForbidden(
      await rest(
        'PATCH',
        `/articles/${article.id}`,
        { cookie, 'sec-fetch-site': 'cross-site' },
        { title: '바뀐 제목' },
      ),
    )
    expect(await titleOf(article.id)).toBe('원래 제목')
  })

  it('REST POST and DELETE from another Origin are refused (403) and change nothing', async () => {
    const article = await createArticle('지워지면 안 되는 기사')
    const before = (await payload.count({ collection: 'articles' })).totalDocs
    await expectForbidden(
      await rest(
        'POST',
        '/articles',
        { cookie, origin: EVIL_ORIGIN },
        articleData(fixture, { title: '몰래 쓴 기사' }),
      ),
    )
    await expectForbidden(
      await rest('DELETE', `/articles/${article.id}`, { cookie, origin: EVIL_ORIGIN }),
    )
    expect((await payload.count({ collection: 'articles' })).totalDocs).toBe(before)
    expect(await titleOf(article.id)).toBe('지워지면 안 되는 기사')
  })

  it('a GraphQL mutation from another Origin is refused (403) and changes nothing', async () => {
    const article = await createArticle('원래 제목')
    await expectForbidden(
      await graphql(
        UPDATE_TITLE(),
        { id: article.id, title: '바뀐 제목' },
        { cookie, origin: EVIL_ORIGIN },
      ),
    )
    await expectForbidden(
      await graphql(
        UPDATE_TITLE(),
        { id: article.id, title: '바뀐 제목' },
        { cookie, origin: SITE_ORIGIN },
      ),
    )
    expect(await titleOf(article.id)).toBe('원래 제목')
  })

  it('even a cookie spelled with spaces around its name is refused', async () => {
    const article = await createArticle('원래 제목')
    await expectForbidden(
      await rest(
        'PATCH',
        `/articles/${article.id}`,
        { cookie: ` payload-token =${sessionCookieOf(login).value}`, origin: EVIL_ORIGIN },
        { title: '바뀐 제목' },
      ),
    )
    expect(await titleOf(article.id)).toBe('원래 제목')
  })
})

describe('writes that are not cross-site cookie writes', () => {
  it('from the admin origin with the cookie work, REST and GraphQL', async () => {
    const article = await createArticle('원래 제목')
    const patched = await rest(
      'PATCH',
      `/articles/${article.id}`,
      { cookie, origin: ADMIN_ORIGIN },
      { title: '편집자가 고친 제목' },
    )
    expect(patched.status).toBe(200)
    expect(await titleOf(article.id)).toBe('편집자가 고친 제목')
    const mutated = await graphql(
      UPDATE_TITLE(),
      { id: article.id, title: 'GraphQL로 고친 제목' },
      { cookie, origin: ADMIN_ORIGIN },
    )
    expect(mutated.status).toBe(200)
    expect((await mutated.json()).data.updateArticle.title).toBe('GraphQL로 고친 제목')
  })

  it('with an Authorization header (an API client) work from any Origin', async () => {
    const token = await apiClient(payload).login(loginEmails().editor, PASSWORD)
    const article = await createArticle('원래 제목')
    const patched = await rest(
      'PATCH',
      `/articles/${article.id}`,
      { authorization: `JWT ${token}`, origin: EVIL_ORIGIN },
      { title: 'API로 고친 제목' },
    )
    expect(patched.status).toBe(200)
    expect(await titleOf(article.id)).toBe('API로 고친 제목')
  })

  it('anonymous cross-site reads get CORS headers for the public site only', async () => {
    await createArticle('공개 기사')
    const fromSite = await rest('GET', '/articles?limit=1&depth=0', { origin: SITE_ORIGIN })
    expect(fromSite.headers.get('access-control-allow-origin')).toBe(SITE_ORIGIN)
    expect(fromSite.headers.get('vary')).toMatch(/Origin/)
    const fromElsewhere = await rest('GET', '/articles?limit=1&depth=0', { origin: EVIL_ORIGIN })
    expect(fromElsewhere.headers.get('access-control-allow-origin')).toBeNull()
  })
})
