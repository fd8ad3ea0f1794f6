import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { graphQLIdType } from '../helpers/ids'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let reporter: string
let editor: string

beforeAll(async () => {
  payload = await bootPayload('error-codes')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  reporter = await api.login(loginEmails().kim, PASSWORD)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

// DESIGN.md, "Errors": REST `{ errors: [{ message, code }] }`, GraphQL `extensions.code`.
describe('every error carries a stable code', () => {
  it('REST: NOT_FOUND, FORBIDDEN, VALIDATION, UNAUTHORIZED, LIMIT', async () => {
    const missing = await api.rest('GET', '/articles/999999')
    expect(missing.status).toBe(404)
    expect(missing.body.errors[0].code).toBe('NOT_FOUND')

    const forbidden = await api.rest('POST', '/sections', {
      body: { name: '기자가 만든 섹션' },
      token: reporter,
    })
    expect(forbidden.status).toBe(403)
    expect(forbidden.body.errors[0].code).toBe('FORBIDDEN')

    const invalid = await api.rest('POST', '/articles', {
      body: { ...articleData(fixture), title: '' },
      token: editor,
    })
    expect(invalid.status).toBe(400)
    expect(invalid.body.errors[0].code).toBe('VALIDATION')
    expect(invalid.body.errors[0].message).toBeTruthy()

    const badLogin = await api.rest('POST', '/users/login', {
      // An unknown account: a known one's failure also runs Payload's failed-login counter, which
      // FerretDB cannot (test/helpers/mongoCompat.ts); the answer is the same.
      body: { email: 'nobody-here@example.com', password: 'not-the-password-1' },
    })
    expect(badLogin.status).toBe(401)
    expect(badLogin.body.errors[0].code).toBe('UNAUTHORIZED')

    const tooMany = await api.rest('GET', '/articles?limit=5000')
    expect(tooMany.status).toBe(400)
    expect(tooMany.body.errors[0].code).toBe('LIMIT')
  })

  it('REST: a code an error names itself is kept', async () => {
    const published = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { _status: 'published' }) as never,
    })
    // The live-state rule names its refusal FORBIDDEN in the error's data; it arrives as `code` too.
    const { body, status } = await api.rest('DELETE', `/articles/${published.id}`, {
      token: reporter,
    })
    expect(status).toBe(403)
    expect(body.errors[0].code).toBe('FORBIDDEN')
  })

  it('GraphQL: extensions.code', async () => {
    const forbidden = await api.graphql(
      'mutation { createSection(data: { name: "기자 섹션" }) { id } }',
      undefined,
      reporter,
    )
    expect(forbidden.body.errors[0].extensions.code).toBe('FORBIDDEN')
    const invalid = await api.graphql(
      `mutation($section: ${graphQLIdType(payload)}!) { createArticle(data: { title: "", section: $section }) { id } }`,
      { section: Number(fixture.sections.news) || fixture.sections.news },
      editor,
    )
    expect(invalid.body.errors[0].extensions.code).toBe('VALIDATION')
  })
})
