import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture

beforeAll(async () => {
  // This suite needs the in-process job runner that `npm start` uses (scheduled publishing).
  process.env.NEWSROOM_RUN_JOBS = 'on'
  payload = await bootPayload('articles', { newsroom: { jobsCron: '* * * * * *' } })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

const createArticle = (overrides: Record<string, unknown> = {}, draft = false) =>
  payload.create({ collection: 'articles', data: articleData(fixture, overrides) as never, draft })

describe('slugs', () => {
  it('are generated from Hangul titles and kept unique', async () => {
    const first = await createArticle({ title: '‘울산형 사회 혁신’본격 추진' })
    const second = await createArticle({ title: '‘울산형 사회 혁신’ 본격 추진!' })
    expect(first.slug).toBe('울산형-사회-혁신-본격-추진')
    expect(second.slug).toBe('울산형-사회-혁신-본격-추진-2')
  })

  it('stay put when the title changes', async () => {
    const article = await createArticle({ title: '처음 제목' })
    const updated = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '바뀐 제목' },
    })
    expect(updated.slug).toBe('처음-제목')
  })
})

describe('regionLabel', () => {
  it('names a 시도 by its name and a 시군구 with its 시도 short name', async () => {
    const hongseong = await payload.create({
      collection: 'regions',
      data: { code: '4480000000', name: '홍성군', fullName: '충청남도 홍성군' },
    })
    expect(hongseong.label).toBe('충남홍성군')
    expect((await createArticle({ region: fixture.regions.ulsan })).regionLabel).toBe('울산시')
    expect((await createArticle({ region: hongseong.id })).regionLabel).toBe('충남홍성군')
  })

  it('uses the dateline when one is set', async () => {
    expect((await createArticle({ dateline: '인천서부소방서' })).regionLabel).toBe('인천서부소방서')
  })

  it('follows a renamed region', async () => {
    const cheonan = await payload.create({
      collection: 'regions',
      data: { code: '4413000000', name: '천안시', fullName: '충청남도 천안시' },
    })
    const article = await createArticle({ region: cheonan.id })
    await payload.update({ collection: 'regions', id: cheonan.id, data: { name: '천안특례시' } })
    expect((await payload.findByID({ collection: 'articles', id: article.id })).regionLabel).toBe(
      '충남천안특례시',
    )
  })
})

describe('bodyHtml', () => {
  it('renders every paragraph and escapes markup typed into the text', async () => {
    const article = await createArticle({
      body: paragraphsToLexical(['첫 문단', '<script>alert(1)</script>']),
    })
    expect(article.bodyHtml).toContain('<p>첫 문단</p>')
    expect(article.bodyHtml).not.toContain('<script>')
    expect(article.bodyHtml).toContain('&lt;script&gt;')
  })
})

describe('autosave and document locking', () => {
  it('keeps the lock of the editor who autosaves, so another editor cannot overwrite them', async () => {
    const emails = loginEmails()
    const editorToken = await api.login(emails.editor, PASSWORD)
    const adminToken = await api.login(emails.admin, PASSWORD)
    const article = await createArticle({ title: '동시 편집' }, true)
    // The editor opens the article: the admin takes the lock.
    await payload.create({
      collection: 'payload-locked-documents',
      data: {
        document: { relationTo: 'articles', value: article.id },
        user: { relationTo: 'users', value: fixture.users.editor },
      } as never,
    })
    const own = await api.rest('PATCH', `/articles/${article.id}?draft=true&autosave=true`, {
      body: { subtitle: '편집자' },
      token: editorToken,
    })
    expect(own.status).toBe(200)
    const other = await api.rest('PATCH', `/articles/${article.id}?draft=true&autosave=true`, {
      body: { subtitle: '관리자' },
      token: adminToken,
    })
    expect(other.status).toBe(423)
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.subtitle).toBe('편집자')
  })
  it('leaves the lock alone after an autosave that changed nothing (the form’s trailing one after a desk move)', async () => {
    const emails = loginEmails()
    const editorToken = await api.login(emails.editor, PASSWORD)
    const article = await createArticle({ title: '변경 없는 자동 저장' }, true)
    const locks = async () =>
      (
        await payload.count({
          collection: 'payload-locked-documents',
          where: { 'document.value': { equals: article.id } },
        })
      ).totalDocs
    const changed = await api.rest('PATCH', `/articles/${article.id}?draft=true&autosave=true`, {
      body: { subtitle: '고친 부제' },
      token: editorToken,
    })
    expect(changed.status).toBe(200)
    expect(await locks()).toBe(1)
    // The story is saved by a move (which releases the lock, as every save does) …
    const move = await api.rest('PATCH', `/articles/${article.id}?draft=true`, {
      body: { subtitle: '송고 직전 부제', workflow: { state: 'filed' } },
      token: editorToken,
    })
    expect(move.status, move.text).toBe(200)
    expect(await locks()).toBe(0)
    const saved = await payload.findByID({
      collection: 'articles',
      id: article.id,
      draft: true,
      depth: 0,
    })
    // … and the form autosaves what the server answered: nothing new, so no lock is taken.
    const trailing = await api.rest(
      'PATCH',
      `/articles/${article.id}?draft=true&autosave=true&depth=0`,
      { body: saved, token: editorToken },
    )
    expect(trailing.status, trailing.text).toBe(200)
    expect(await locks()).toBe(0)
  })
})

describe('scheduled publishing', () => {
  it('is run by the in-process job runner and stamps the publish time', async () => {
    const article = await createArticle({ title: '예약 발행' }, true)
    const before = Date.now()
    await payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'publish',
        doc: { relationTo: 'articles', value: String(article.id) },
        user: { relationTo: 'users', value: fixture.users.editor },
      },
      waitUntil: new Date(Date.now() + 1500),
    } as never)
    let stored = await payload.findByID({ collection: 'articles', id: article.id })
    expect(stored._status).toBe('draft')
    for (let waited = 0; stored._status !== 'published' && waited < 20_000; waited += 500) {
      await new Promise((resolve) => setTimeout(resolve, 500))
      stored = await payload.findByID({ collection: 'articles', id: article.id })
    }
    expect(stored._status).toBe('published')
    expect(new Date(stored.registeredAt as string).getTime()).toBeGreaterThanOrEqual(before + 1000)
  })

  // As the admin's schedule drawer queues it (schedulePublishHandler in @payloadcms/ui).
  const queueUnpublish = (id: number | string, inMs: number) =>
    payload.jobs.queue({
      task: 'schedulePublish',
      input: {
        type: 'unpublish',
        doc: { relationTo: 'articles', value: String(id) },
        user: { relationTo: 'users', value: fixture.users.editor },
      },
      waitUntil: new Date(Date.now() + inMs),
    } as never)
  const pendingUnpublishes = async (id: number | string) =>
    (
      await payload.count({
        collection: 'payload-jobs',
        where: {
          taskSlug: { equals: 'schedulePublish' },
          'input.doc.value': { equals: String(id) },
          completedAt: { exists: false },
        },
      })
    ).totalDocs

  it('voids an unpublish scheduled before the story was ever published, at its publication', async () => {
    const article = await createArticle({ title: '게시 해제 예약 (발행 전)' }, true)
    await queueUnpublish(article.id, 2500)
    expect(await pendingUnpublishes(article.id)).toBe(1)
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { _status: 'published' },
      user: await payload.findByID({ collection: 'users', id: fixture.users.editor }),
    })
    expect(await pendingUnpublishes(article.id)).toBe(0)
    // Past the time it was set for, with the runner going every second: still live.
    await new Promise((resolve) => setTimeout(resolve, 4000))
    expect((await payload.findByID({ collection: 'articles', id: article.id }))._status).toBe(
      'published',
    )
  })

  it('keeps an unpublish scheduled while the story is live', async () => {
    const article = await createArticle({ title: '게시 해제 예약 (발행 후)' })
    await queueUnpublish(article.id, 60_000)
    await payload.update({ collection: 'articles', id: article.id, data: { subtitle: '수정' } })
    expect(await pendingUnpublishes(article.id)).toBe(1)
  })
})

describe('the admin search box', () => {
  // As Payload's list view builds it: the search text `like` each of listSearchableFields.
  const adminSearch = async (text: string, token: string) => {
    const fields = payload.collections.articles.config.admin.listSearchableFields ?? []
    const query = fields
      .map((field, index) => `where[or][${index}][${field}][like]=${encodeURIComponent(text)}`)
      .join('&')
    const { body, status } = await api.rest('GET', `/articles?depth=0&draft=true&${query}`, {
      token,
    })
    expect(status).toBe(200)
    return (body.docs as { title: string }[]).map((doc) => doc.title)
  }

  it('finds an article by a keyword, a word of its body, its byline or a 2-syllable word, in Korean', async () => {
    await createArticle({
      title: '지역 일자리 박람회',
      keywords: ['사회적경제', '일자리'],
      body: paragraphsToLexical(['울산 중구에서 협동조합 설명회가 열렸다.']),
    })
    const token = await api.login(loginEmails().editor, PASSWORD)
    expect(await adminSearch('사회적경제', token)).toContain('지역 일자리 박람회')
    expect(await adminSearch('협동조합', token)).toContain('지역 일자리 박람회')
    expect(await adminSearch('설명', token)).toContain('지역 일자리 박람회')
    expect(await adminSearch('김한수', token)).toContain('지역 일자리 박람회')
    expect(await adminSearch('없는낱말', token)).toEqual([])
  })
})
