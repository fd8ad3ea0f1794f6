import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { graphQLPost } from '../../plugins/http-cache'
import { apiClient } from '../helpers/http'
import { graphQLIdType, missingId, missingIdLiteral } from '../helpers/ids'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// DESIGN.md, "Errors": REST `{ errors: [{ message, code }] }`, GraphQL `extensions.code`, in the
// reader's language (Accept-Language ko/en, Korean by default), never a class name. RATE_LIMITED
// (test/security/auth.int.spec.ts), PAYLOAD_TOO_LARGE (test/security/body-limit.int.spec.ts) and
// QUERY_NOT_ALLOWED (test/contract/introspection.int.spec.ts, test/query-limits/allowList.spec.ts)
// are asserted where their limits are set up.

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let reporter: string
let editor: string

beforeAll(async () => {
  payload = await bootPayload('contract-errors')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  reporter = await api.login(loginEmails().kim, PASSWORD)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

type GraphQLError = { extensions?: Record<string, unknown>; message: string }

const graphql = async (
  query: string,
  {
    headers = {},
    token,
    variables,
  }: {
    headers?: Record<string, string>
    token?: string
    variables?: Record<string, unknown>
  } = {},
) => {
  const response = await graphQLPost(payload.config)(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `JWT ${token}` } : {}),
        ...headers,
      },
      body: JSON.stringify({ query, variables }),
    }),
  )
  return (await response.json()) as { data?: unknown; errors?: GraphQLError[] }
}

const HANGUL = /[가-힣]/

const expectCode = (errors: GraphQLError[] | undefined, code: string) => {
  expect(errors?.length, JSON.stringify(errors)).toBeGreaterThan(0)
  expect(errors![0]!.extensions?.code, JSON.stringify(errors)).toBe(code)
  expect(errors![0]!.extensions).not.toHaveProperty('name')
}

const restCode = (body: { errors?: { code?: string; name?: string }[] }, code: string) => {
  expect(body.errors?.[0]?.code, JSON.stringify(body)).toBe(code)
  expect(body.errors?.[0]).not.toHaveProperty('name')
}

describe('every code on REST and GraphQL', () => {
  it('NOT_FOUND', async () => {
    const rest = await api.rest('GET', `/articles/${missingId(payload)}`)
    expect(rest.status).toBe(404)
    restCode(rest.body, 'NOT_FOUND')
    expectCode(
      (await graphql(`{ Article(id: ${missingIdLiteral(payload)}) { id } }`)).errors,
      'NOT_FOUND',
    )
  })

  it('FORBIDDEN', async () => {
    const rest = await api.rest('POST', '/sections', {
      body: { name: '기자가 만든 섹션' },
      token: reporter,
    })
    expect(rest.status).toBe(403)
    restCode(rest.body, 'FORBIDDEN')
    expectCode(
      (
        await graphql('mutation { createSection(data: { name: "기자 섹션" }) { id } }', {
          token: reporter,
        })
      ).errors,
      'FORBIDDEN',
    )
  })

  it('UNAUTHORIZED: a failed login, and an anonymous write', async () => {
    const credentials = { email: 'nobody-contract@example.com', password: 'not-the-password-1' }
    const rest = await api.rest('POST', '/users/login', { body: credentials })
    expect(rest.status).toBe(401)
    restCode(rest.body, 'UNAUTHORIZED')
    expectCode(
      (
        await graphql(
          'mutation($email: String!, $password: String!) { loginUser(email: $email, password: $password) { token } }',
          { variables: credentials },
        )
      ).errors,
      'UNAUTHORIZED',
    )
    const anonymousWrite = await api.rest('POST', `/articles/${missingId(payload)}/preview-token`)
    expect(anonymousWrite.status).toBe(401)
    restCode(anonymousWrite.body, 'UNAUTHORIZED')
  })

  it('VALIDATION: an invalid document; on GraphQL also a syntax error, an unknown field, a wrong type', async () => {
    const rest = await api.rest('POST', '/articles', {
      body: { ...articleData(fixture), title: '' },
      token: editor,
    })
    expect(rest.status).toBe(400)
    restCode(rest.body, 'VALIDATION')
    expectCode(
      (
        await graphql(
          `mutation($section: ${graphQLIdType(payload)}!) { createArticle(data: { title: "", section: $section }) { id } }`,
          {
            token: editor,
            variables: { section: Number(fixture.sections.news) || fixture.sections.news },
          },
        )
      ).errors,
      'VALIDATION',
    )
    for (const query of [
      '{ Articles { docs { title }',
      '{ Articles { docs { notAField } } }',
      '{ Articles(limit: "ten") { docs { title } } }',
    ])
      expectCode((await graphql(query, { token: editor })).errors, 'VALIDATION')
  })

  it('LIMIT: page size, depth and complexity', async () => {
    const rest = await api.rest('GET', '/articles?limit=5000')
    expect(rest.status).toBe(400)
    restCode(rest.body, 'LIMIT')
    expectCode((await graphql('{ Articles(limit: 5000) { docs { title } } }')).errors, 'LIMIT')
    const deep = `{ Articles { docs { ${'relatedArticles { '.repeat(11)} id ${'} '.repeat(11)} } } }`
    expectCode((await graphql(deep)).errors, 'LIMIT')
    // Within the document's size bounds, past the 1,000 complexity points.
    const wide = `{ ${Array.from({ length: 700 }, (_, index) => `a${index}: Sections(limit: 1) { totalDocs }`).join(' ')} }`
    expectCode((await graphql(wide)).errors, 'LIMIT')
  })

  it('CONFLICT and PRECONDITION_FAILED on a save based on an older copy', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { _status: 'published' }) as never,
    })
    const loaded = await api.rest('GET', `/articles/${article.id}?depth=0`, { token: editor })
    const stale = loaded.headers.get('etag')!
    expect(
      (
        await api.rest('PATCH', `/articles/${article.id}`, {
          body: { title: '먼저 저장한 제목' },
          token: editor,
        })
      ).status,
    ).toBe(200)
    const precondition = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { subtitle: '늦은 부제' },
      headers: { 'if-match': stale },
      token: editor,
    })
    expect(precondition.status).toBe(412)
    restCode(precondition.body, 'PRECONDITION_FAILED')
    const formData = new FormData()
    formData.append('_payload', JSON.stringify({ ...loaded.body, subtitle: '폼에서 바꾼 부제' }))
    const conflict = await api.rest('PATCH', `/articles/${article.id}?depth=0`, {
      formData,
      token: editor,
    })
    expect(conflict.status).toBe(409)
    restCode(conflict.body, 'CONFLICT')
  })
})

describe('messages in the reader’s language', () => {
  it('REST: Korean by default, English or Korean alone when asked', async () => {
    const path = `/articles/${missingId(payload)}`
    const byDefault = await api.rest('GET', path)
    expect(byDefault.body.errors[0].message).toMatch(HANGUL)
    const english = await api.rest('GET', path, { headers: { 'accept-language': 'en-US,en' } })
    expect(english.body.errors[0].message).not.toMatch(HANGUL)
    expect(english.body.errors[0].code).toBe('NOT_FOUND')
    // One of our own bilingual messages.
    const ours = `/articles/${missingId(payload)}/preview-token`
    const korean = await api.rest('POST', ours, { headers: { 'accept-language': 'ko' } })
    expect(korean.body.errors[0].message).toBe('로그인이 필요합니다')
    const inEnglish = await api.rest('POST', ours, { headers: { 'accept-language': 'en' } })
    expect(inEnglish.body.errors[0].message).toBe('sign in to preview')
  })

  it('GraphQL: Korean by default, English when asked, graphql-js’s own errors included', async () => {
    const unknown = '{ Articles { docs { notAField } } }'
    const byDefault = await graphql(unknown, { token: editor })
    expect(byDefault.errors![0]!.message).toMatch(HANGUL)
    expect(byDefault.errors![0]!.message).toContain('notAField')
    const english = await graphql(unknown, { headers: { 'accept-language': 'en' }, token: editor })
    expect(english.errors![0]!.message).not.toMatch(HANGUL)
    expectCode(english.errors, 'VALIDATION')
    const missing = `{ Article(id: ${missingIdLiteral(payload)}) { id } }`
    expect((await graphql(missing)).errors![0]!.message).toMatch(HANGUL)
    const missingInEnglish = await graphql(missing, { headers: { 'accept-language': 'en' } })
    expect(missingInEnglish.errors![0]!.message).not.toMatch(HANGUL)
  })
})
