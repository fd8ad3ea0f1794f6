import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { mintPreviewToken } from '../../plugins/preview'
import { graphQLPost } from '../../plugins/http-cache'
import { apiClient, cachedReader } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let kim: string
let park: string

beforeAll(async () => {
  payload = await bootPayload('preview')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
  park = await api.login(loginEmails().park, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

/** A story live as `live`, with a newer draft titled `draft`. */
const storyWithDraft = async (live: string, draft: string) => {
  const article = await payload.create({
    collection: 'articles',
    data: articleData(fixture, { title: live, _status: 'published' }) as never,
  })
  await payload.update({
    collection: 'articles',
    id: article.id,
    data: { title: draft, body: undefined },
    draft: true,
  })
  return article.id
}

const previewUrl = (id: number | string, token?: string) =>
  api.rest('GET', `/articles/${id}/preview-url`, { token })

describe('preview links', () => {
  it('let a frontend without a session read the latest draft, never cached', async () => {
    const id = await storyWithDraft('출고된 제목', '고쳐 쓰는 제목 <b>')
    const minted = await previewUrl(id, editor)
    expect(minted.status).toBe(200)
    expect(minted.headers.get('cache-control')).toBe('private, no-store')
    const { token, expiresAt, urls } = minted.body as {
      expiresAt: string
      token: string
      urls: { api: string; html: string }
    }
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now() + 3_000_000)
    expect(urls.api).toContain(`/api/articles/${id}/preview?token=`)

    const read = await api.rest('GET', `/articles/${id}/preview?token=${token}`)
    expect(read.status).toBe(200)
    expect(read.body.title).toBe('고쳐 쓰는 제목 <b>')
    expect(read.headers.get('cache-control')).toBe('private, no-store')
    // The same link in a header, as a frontend's server fetches it.
    const byHeader = await api.rest('GET', `/articles/${id}/preview`, {
      headers: { 'x-preview-token': token },
    })
    expect(byHeader.body.title).toBe('고쳐 쓰는 제목 <b>')
    // Readers still get the published story.
    expect((await api.rest('GET', `/articles/${id}`)).body.title).toBe('출고된 제목')
  })

  it('render a plain reader page, escaped, with no scripts allowed', async () => {
    const id = await storyWithDraft('HTML 미리보기', '<script>alert(1)</script> 제목')
    const { token } = (await previewUrl(id, editor)).body as { token: string }
    const page = await api.rest('GET', `/articles/${id}/preview?format=html&token=${token}`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'")
    expect(page.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt; 제목')
    expect(page.text).not.toContain('<script>alert(1)')
  })

  it('refuse a missing, forged, expired or other story’s token', async () => {
    const id = await storyWithDraft('토큰 확인', '토큰 확인 초안')
    const other = await storyWithDraft('다른 기사', '다른 기사 초안')
    const { token } = (await previewUrl(other, editor)).body as { token: string }
    const [body, signature] = token.split('.')
    const expired = mintPreviewToken(payload.secret, {
      collection: 'articles',
      id: String(id),
      exp: Date.now() - 1,
    })
    const forged = `${Buffer.from(JSON.stringify({ collection: 'articles', id: String(id), exp: Date.now() + 60_000 })).toString('base64url')}.${signature}`
    const cases: [string, number][] = [
      ['', 401],
      [`?token=${token}`, 403],
      [`?token=${expired}`, 401],
      [`?token=${forged}`, 401],
      [`?token=${body}`, 401],
    ]
    for (const [query, status] of cases) {
      const answer = await api.rest('GET', `/articles/${id}/preview${query}`)
      expect(answer.status, query).toBe(status)
      expect(JSON.stringify(answer.body)).not.toContain('토큰 확인 초안')
    }
  })

  it('are handed out only to staff who may read the draft', async () => {
    const id = await storyWithDraft('발급 권한', '발급 권한 초안')
    expect((await previewUrl(id)).status).toBe(401)
    // A reporter on the byline may; so may the desk.
    expect((await previewUrl(id, kim)).status).toBe(200)
    expect((await previewUrl(id, editor)).status).toBe(200)
    expect([200, 403, 404]).toContain((await previewUrl(id, park)).status)
  })
})

// DESIGN.md, "Preview": POST /api/articles/:id/preview-token, then the collection's own reads.
describe('preview tokens on the collection reads', () => {
  const mintToken = (id: number | string, token?: string) =>
    api.rest('POST', `/articles/${id}/preview-token`, { token })

  const graphQLWith = async (query: string, variables: Record<string, unknown>, token?: string) => {
    const response = await graphQLPost(payload.config)(
      new Request('http://localhost/api/graphql', {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { 'x-preview-token': token } : {}),
        },
        body: JSON.stringify({ query, variables }),
      }),
    )
    return {
      body: (await response.json()) as {
        data?: { Article: null | { title: string } }
        errors?: { extensions?: { code?: string } }[]
      },
      headers: response.headers,
    }
  }
  const articleQuery = 'query($id: Int!) { Article(id: $id) { id title } }'
  const idVariable = (id: number | string) => ({ id: Number(id) })
  const isNumericIds = () => payload.db.defaultIDType === 'number'

  it('hand staff { token, url, expiresAt } and nobody else', async () => {
    const id = await storyWithDraft('토큰 발급', '토큰 발급 초안')
    const minted = await mintToken(id, editor)
    expect(minted.status).toBe(200)
    expect(minted.headers.get('cache-control')).toBe('private, no-store')
    const { expiresAt, token, url } = minted.body as Record<string, string>
    expect(token).toMatch(/^[\w-]+\.[\w-]+$/)
    expect(url).toContain(token)
    expect(new Date(expiresAt).getTime()).toBeGreaterThan(Date.now())
    const anonymous = await mintToken(id)
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.errors[0].code).toBe('UNAUTHORIZED')
    expect((await mintToken(id, kim)).status).toBe(200)
  })

  it('answer an absolute url (NEWSROOM_PUBLIC_URL) and expiresAt in +09:00, as all public output', async () => {
    const id = await storyWithDraft('절대 주소', '절대 주소 초안')
    const before = process.env.NEWSROOM_PUBLIC_URL
    process.env.NEWSROOM_PUBLIC_URL = 'https://api.news.example.kr/'
    try {
      const { body } = await mintToken(id, editor)
      expect(body.url).toBe(
        `https://api.news.example.kr/api/articles/${id}/preview?format=html&token=${body.token}`,
      )
      expect(body.expiresAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/)
      expect(new Date(body.expiresAt).getTime()).toBeGreaterThan(Date.now() + 3_000_000)
      const links = (await previewUrl(id, editor)).body
      expect(links.urls.api).toMatch(/^https:\/\/api\.news\.example\.kr\/api\/articles\//)
      expect(links.expiresAt).toMatch(/\+09:00$/)
    } finally {
      if (before === undefined) delete process.env.NEWSROOM_PUBLIC_URL
      else process.env.NEWSROOM_PUBLIC_URL = before
    }
  })

  it('REST: GET /api/articles/:id?preview= (or x-preview-token) returns the latest draft, never cached', async () => {
    const id = await storyWithDraft('출고 제목 (REST)', '초안 제목 (REST)')
    const { token } = (await mintToken(id, editor)).body as { token: string }
    const read = cachedReader(payload)
    const byQuery = await read(`/articles/${id}?preview=${token}`)
    expect(byQuery.status).toBe(200)
    expect(((await byQuery.json()) as { title: string }).title).toBe('초안 제목 (REST)')
    expect(byQuery.headers.get('cache-control')).toBe('private, no-store')
    const byHeader = await read(`/articles/${id}`, { 'x-preview-token': token })
    expect(((await byHeader.json()) as { title: string }).title).toBe('초안 제목 (REST)')
    expect(byHeader.headers.get('cache-control')).toBe('private, no-store')
    // Without the token: the published story, shared.
    const plain = await read(`/articles/${id}`)
    expect(((await plain.json()) as { title: string }).title).toBe('출고 제목 (REST)')
    expect(plain.headers.get('cache-control')).toContain('public')
  })

  it('open a story never published, by id and by slug, only with its token', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        title: '처음 쓰는 기사',
        slug: 'preview-never-published',
      }) as never,
      draft: true,
    })
    expect((await api.rest('GET', `/articles/${draft.id}`)).status).toBe(404)
    const { token } = (await mintToken(draft.id, editor)).body as { token: string }
    const byId = await api.rest('GET', `/articles/${draft.id}?preview=${token}`)
    expect(byId.status).toBe(200)
    expect(byId.body.title).toBe('처음 쓰는 기사')
    const bySlug = await api.rest(
      'GET',
      `/articles/by-slug/preview-never-published?draft=true&preview=${token}`,
    )
    expect(bySlug.status).toBe(200)
    expect(bySlug.body.id).toBe(draft.id)
    // The token opens that story alone: a list read shows no other draft.
    const list = await api.rest('GET', `/articles?draft=true&limit=100&preview=${token}`)
    const drafts = (list.body.docs as { _status: string; id: unknown }[]).filter(
      (doc) => doc._status === 'draft',
    )
    expect(drafts.map((doc) => doc.id)).toEqual([draft.id])
  })

  it('GraphQL: Article(id:) with x-preview-token returns the latest draft', async () => {
    if (!isNumericIds()) return
    const id = await storyWithDraft('출고 제목 (GraphQL)', '초안 제목 (GraphQL)')
    const { token } = (await mintToken(id, editor)).body as { token: string }
    const withToken = await graphQLWith(articleQuery, idVariable(id), token)
    expect(withToken.body.errors).toBeUndefined()
    expect(withToken.body.data?.Article?.title).toBe('초안 제목 (GraphQL)')
    expect(withToken.headers.get('cache-control')).toBe('private, no-store')
    const without = await graphQLWith(articleQuery, idVariable(id))
    expect(without.body.data?.Article?.title).toBe('출고 제목 (GraphQL)')
  })

  it('refuse another story’s, a forged and an expired token with 401/403 and a code, on REST and GraphQL', async () => {
    const id = await storyWithDraft('남의 토큰', '남의 토큰 초안')
    const other = await storyWithDraft('다른 기사 2', '다른 기사 2 초안')
    const { token } = (await mintToken(other, editor)).body as { token: string }
    const [, signature] = token.split('.')
    const expired = mintPreviewToken(payload.secret, {
      collection: 'articles',
      id: String(id),
      exp: Date.now() - 1,
    })
    const forged = `${Buffer.from(JSON.stringify({ collection: 'articles', id: String(id), exp: Date.now() + 60_000 })).toString('base64url')}.${signature}`
    const cases: [string, number, string][] = [
      [token, 403, 'FORBIDDEN'],
      [expired, 401, 'UNAUTHORIZED'],
      [forged, 401, 'UNAUTHORIZED'],
    ]
    for (const [candidate, status, code] of cases) {
      const rest = await api.rest('GET', `/articles/${id}?preview=${candidate}`)
      expect(rest.status, code).toBe(status)
      expect(rest.body.errors[0].code).toBe(code)
      expect(JSON.stringify(rest.body)).not.toContain('남의 토큰 초안')
      if (!isNumericIds()) continue
      const graphQL = await graphQLWith(articleQuery, idVariable(id), candidate)
      expect(graphQL.body.errors?.[0]?.extensions?.code).toBe(code)
      expect(JSON.stringify(graphQL.body)).not.toContain('남의 토큰 초안')
    }
  })
})
