import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string

beforeAll(async () => {
  payload = await bootPayload('slug_redirects')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const bySlug = (slug: string, query = '') =>
  api.rest('GET', `/articles/by-slug/${encodeURIComponent(slug)}${query}`)

describe('a published story’s old slug', () => {
  it('answers 301 to the new one, which answers the story', async () => {
    const story = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '울산 조선업 회복', _status: 'published' }) as never,
    })
    expect(story.slug).toBe('울산-조선업-회복')
    const renamed = await api.rest('PATCH', `/articles/${story.id}`, {
      body: { slug: '울산-조선업-회복세' },
      token: editor,
    })
    expect(renamed.status).toBe(200)
    // A client cannot plant redirects.
    await api.rest('PATCH', `/articles/${story.id}`, {
      body: { previousSlugs: ['남의-주소'] },
      token: editor,
    })

    const current = await bySlug('울산-조선업-회복세', '?depth=0')
    expect(current.status).toBe(200)
    expect(current.body.id).toBe(story.id)
    const old = await bySlug('울산-조선업-회복', '?depth=0')
    expect(old.status).toBe(301)
    expect(old.body).toEqual({ redirectTo: '울산-조선업-회복세', id: story.id })
    expect(old.headers.get('location')).toBe(
      `/api/articles/by-slug/${encodeURIComponent('울산-조선업-회복세')}?depth=0`,
    )
    expect((await bySlug('남의-주소')).status).toBe(404)
  })

  it('is not kept for a draft nobody read, and drafts stay hidden from readers', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '초안 주소' }) as never,
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: draft.id,
      data: { slug: '초안-새-주소' },
      draft: true,
    })
    const stored = await payload.findByID({ collection: 'articles', id: draft.id, draft: true })
    expect(stored.previousSlugs ?? []).toEqual([])
    expect((await bySlug('초안-새-주소')).status).toBe(404)
  })
})
