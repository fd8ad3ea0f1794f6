import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { mintPreviewToken } from '../../plugins/preview'
import { apiClient } from '../helpers/http'
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
