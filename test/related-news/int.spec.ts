import type { Payload } from 'payload'

import { commitTransaction, createLocalReq, initTransaction } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { writeDerivedFields } from '../../plugins/shared/writeRelations'
import { databaseKind } from '../../src/database'
import { apiClient, cachedReader, revalidate } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let fixture: NewsroomFixture
let api: ReturnType<typeof apiClient>
let read: ReturnType<typeof cachedReader>

beforeAll(async () => {
  payload = await bootPayload('related-news')
  fixture = await createNewsroom(payload)
  api = apiClient(payload)
  read = cachedReader(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

type ID = number | string
const publish = (overrides: Record<string, unknown> = {}) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published', ...overrides }) as never,
  })
const picksOf = async (id: ID, draft = true) =>
  (
    (await payload.findByID({ collection: 'articles', id, depth: 0, draft })).relatedArticles ?? []
  ).map((value) => (typeof value === 'object' ? value.id : value))

describe("editors' related articles stay reciprocal", () => {
  it('adding A→B adds B→A, on the stored document and the latest version', async () => {
    const a = await publish({ title: 'A' })
    const b = await publish({ title: 'B' })
    await payload.update({ collection: 'articles', id: a.id, data: { relatedArticles: [b.id] } })
    expect(await picksOf(b.id)).toEqual([a.id])
    expect(await picksOf(b.id, false)).toEqual([a.id])
  })

  it("a link saved in A's draft is written to B's live picks, and a cache revalidating B's page gets them", async () => {
    const a = await publish({ title: 'A5' })
    const b = await publish({ title: 'B5' })
    const path = `/articles/${b.id}?depth=0`
    const etag = (await read(path)).headers.get('etag')!
    expect((await revalidate(read, path, etag)).status).toBe(304)
    await payload.update({
      collection: 'articles',
      id: a.id,
      data: { relatedArticles: [b.id] },
      draft: true,
    })
    expect(await picksOf(b.id, false)).toEqual([a.id])
    const after = await revalidate(read, path, etag)
    expect(after.status).toBe(200)
    expect((await after.json()).relatedArticles).toEqual([a.id])
  })

  it('removing A→B removes B→A', async () => {
    const a = await publish({ title: 'A2' })
    const b = await publish({ title: 'B2' })
    await payload.update({ collection: 'articles', id: a.id, data: { relatedArticles: [b.id] } })
    await payload.update({ collection: 'articles', id: a.id, data: { relatedArticles: [] } })
    expect(await picksOf(b.id)).toEqual([])
  })

  it('deleting B removes it from A', async () => {
    const a = await publish({ title: 'A3' })
    const b = await publish({ title: 'B3' })
    await payload.update({ collection: 'articles', id: a.id, data: { relatedArticles: [b.id] } })
    await payload.delete({ collection: 'articles', id: b.id })
    expect(await picksOf(a.id)).toEqual([])
  })

  it('keeps a pending draft of B in step, so publishing it later does not drop the link', async () => {
    const a = await publish({ title: 'A4' })
    const b = await publish({ title: 'B4' })
    await payload.update({
      collection: 'articles',
      id: b.id,
      data: { subtitle: '초안' },
      draft: true,
    })
    await payload.update({ collection: 'articles', id: a.id, data: { relatedArticles: [b.id] } })
    await payload.update({ collection: 'articles', id: b.id, data: { _status: 'published' } })
    expect(await picksOf(b.id, false)).toEqual([a.id])
  })

  it('saves articles that reference each other at the same moment, each link kept', async () => {
    // Same section and region: each source's computed suggestions name the others, so on
    // PostgreSQL each save checks foreign keys against rows the others' saves hold.
    const target = await publish({ title: 'T' })
    const sources = await Promise.all(['S1', 'S2', 'S3'].map((title) => publish({ title })))
    const saves = await Promise.allSettled(
      sources.map((source) =>
        payload.update({
          collection: 'articles',
          id: source.id,
          data: { relatedArticles: [target.id] },
        }),
      ),
    )
    expect(
      saves
        .filter((save) => save.status === 'rejected')
        .map((save) => String((save as PromiseRejectedResult).reason)),
    ).toEqual([])
    const expected = sources.map((source) => source.id).sort()
    expect((await picksOf(target.id)).sort()).toEqual(expected)
    expect((await picksOf(target.id, false)).sort()).toEqual(expected)
  })

  it.skipIf(databaseKind() !== 'postgres')(
    "makes another save wait for an open transaction's article saves, while that transaction's own saves go straight on",
    async () => {
      const first = await publish({ title: '차례 A' })
      const second = await publish({ title: '차례 B' })
      // A draft references no other article, so nothing in the database itself makes it wait.
      const unrelated = await publish({ title: '차례 C', _status: 'draft' })
      const req = await createLocalReq({}, payload)
      await initTransaction(req)
      await payload.update({
        collection: 'articles',
        id: first.id,
        data: { subtitle: '첫 저장' },
        req,
      })
      const startedAt = performance.now()
      await payload.update({
        collection: 'articles',
        id: second.id,
        data: { subtitle: '같은 트랜잭션' },
        req,
      })
      expect(performance.now() - startedAt).toBeLessThan(5_000)
      let isOtherDone = false
      const other = payload
        .update({
          collection: 'articles',
          id: unrelated.id,
          data: { subtitle: '다른 저장' },
          draft: true,
        })
        .then(() => (isOtherDone = true))
      await new Promise((resolve) => setTimeout(resolve, 500))
      expect(isOtherDone).toBe(false)
      await commitTransaction(req)
      await other
      expect(
        (await payload.findByID({ collection: 'articles', id: unrelated.id, draft: true }))
          .subtitle,
      ).toBe('다른 저장')
      expect((await payload.findByID({ collection: 'articles', id: second.id })).subtitle).toBe(
        '같은 트랜잭션',
      )
    },
  )

  it('refuses self-links and more than the maximum, writing nothing', async () => {
    const a = await publish({ title: 'A5' })
    const editor = await api.login(loginEmails().editor, PASSWORD)
    const self = await api.rest('PATCH', `/articles/${a.id}`, {
      body: { relatedArticles: [a.id] },
      token: editor,
    })
    expect(self.status).toBe(400)
    expect(JSON.stringify(self.body)).toContain('relatedArticles')
    const many = await Promise.all(
      Array.from({ length: 11 }, (_, index) => publish({ title: `많은 ${index}` })),
    )
    const tooMany = await api.rest('PATCH', `/articles/${a.id}`, {
      body: { relatedArticles: many.map((doc) => doc.id) },
      token: editor,
    })
    expect(tooMany.status).toBe(400)
    for (const doc of many) expect(await picksOf(doc.id)).toEqual([])
  })

  it('rolls the other side back when the save fails after the link was written', async () => {
    const a = await publish({ title: 'A6' })
    const b = await publish({ title: 'B6' })
    const editor = await api.login(loginEmails().editor, PASSWORD)
    // The title is too long: the save fails validation, so B must not point at A.
    const failed = await api.rest('PATCH', `/articles/${a.id}`, {
      body: { relatedArticles: [b.id], title: '가'.repeat(301) },
      token: editor,
    })
    expect(failed.status).toBe(400)
    expect(await picksOf(b.id)).toEqual([])
  })
})

describe('links written by several jobs at once', () => {
  it('leave the article whole: keywords, reporters and links once each, and the article still saves', async () => {
    const keywords = ['울산', '행정', '예산', '복지']
    const article = await publish({
      title: '동시 갱신 대상',
      keywords,
      reporters: [fixture.reporters.kim, fixture.reporters.park],
    })
    const others = await Promise.all([publish({ title: '후보 1' }), publish({ title: '후보 2' })])
    const req = await createLocalReq({}, payload)
    // As eight suggestion-refresh jobs running together write the same article.
    await Promise.all(
      Array.from({ length: 8 }, (_, index) =>
        writeDerivedFields({
          collection: 'articles',
          data: { relatedSuggestions: index % 2 ? [others[0]!.id] : others.map((doc) => doc.id) },
          id: article.id,
          reason: 'suggestionRefresh',
          req,
        }),
      ),
    )
    const latest = (
      await payload.db.findVersions({
        collection: 'articles',
        limit: 1,
        pagination: false,
        sort: '-updatedAt',
        where: { parent: { equals: article.id } },
      })
    ).docs[0]!
    const version = latest.version as {
      keywords: string[]
      relatedSuggestions: unknown[]
      reporters: unknown[]
    }
    expect(version.keywords).toEqual(keywords)
    expect(version.reporters).toHaveLength(2)
    // Whichever write went last (on PostgreSQL the jobs queue for the lock in the order their
    // connections arrive, not the order they were called): exactly one of the written lists, never
    // a doubled or mixed one, and the same in the document and its latest version.
    const written = [[others[0]!.id], others.map((doc) => doc.id)]
    expect(written).toContainEqual(version.relatedSuggestions)
    const stored = await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })
    expect(stored.keywords).toEqual(keywords)
    expect(stored.relatedSuggestions).toEqual(version.relatedSuggestions)
    // An editor's next save starts from that version.
    const saved = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '편집자 수정' },
    })
    expect(saved.keywords).toEqual(keywords)
    expect(saved.reporters).toHaveLength(2)
  })
})

describe('keywords', () => {
  it('are kept once each, trimmed, without empty ones', async () => {
    const article = await publish({
      title: '키워드 정리',
      keywords: ['울산', ' 예산 ', '울산', '', '예산', '복지'],
    })
    expect(article.keywords).toEqual(['울산', '예산', '복지'])
  })

  it('doubled past maxRows by the old concurrent derived writes, no longer stop an editor saving the article', async () => {
    const keywords = Array.from({ length: 20 }, (_, index) => `키워드${index}`)
    const article = await publish({ title: '키워드가 두 번 들어간 기사', keywords })
    // A database written before the fix: the admin's form loads every keyword twice (40, past
    // maxRows 30) and sends them all back with the editor's change.
    const saved = await payload.update({
      collection: 'articles',
      id: article.id,
      data: { subtitle: '편집자 수정', keywords: [...keywords, ...keywords] },
    })
    expect(saved.keywords).toEqual(keywords)
    expect(
      (await payload.findByID({ collection: 'articles', id: article.id, depth: 0 })).keywords,
    ).toEqual(keywords)
  })
})

describe('computed suggestions', () => {
  it('rank shared keywords and region above section and leave out drafts', async () => {
    const subject = await publish({ title: '울산 청년정책', keywords: ['청년정책', '울산'] })
    const sameKeywords = await publish({
      title: '청년정책 토론회',
      keywords: ['청년정책'],
      region: fixture.regions.ulsan,
    })
    const sameRegion = await publish({
      title: '울산 날씨',
      keywords: ['날씨'],
      region: fixture.regions.ulsan,
    })
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        title: '초안 청년정책',
        keywords: ['청년정책', '울산'],
      }) as never,
      draft: true,
    })
    const updated = await payload.update({
      collection: 'articles',
      id: subject.id,
      data: { subtitle: '다시 저장' },
    })
    const suggestions = (updated.relatedSuggestions ?? []).map((value) =>
      typeof value === 'object' ? value.id : value,
    )
    expect(suggestions.indexOf(sameKeywords.id)).toBeLessThan(suggestions.indexOf(sameRegion.id))
    expect(suggestions).toContain(sameRegion.id)
    expect(suggestions).not.toContain(draft.id)
    expect(suggestions).not.toContain(subject.id)
  })

  it('are refreshed by a job when a matching article is published later', async () => {
    // Only this test's refreshes: the ones earlier tests queued took half a minute to run, and
    // over a minute on a loaded machine.
    await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
    const older = await publish({
      title: '반구대 암각화',
      keywords: ['암각화'],
      region: fixture.regions.chungnam,
    })
    const newer = await publish({
      title: '암각화 세계유산',
      keywords: ['암각화'],
      region: fixture.regions.chungnam,
    })
    const stale = await payload.findByID({ collection: 'articles', id: older.id, depth: 0 })
    expect(stale.relatedSuggestions).not.toContain(newer.id)
    // A shared cache's copy of the older article's page, revalidated after the job.
    const path = `/articles/${older.id}?depth=0`
    const etag = (await read(path)).headers.get('etag')!
    await payload.jobs.run({ limit: 100 })
    const refreshed = await payload.findByID({ collection: 'articles', id: older.id, depth: 0 })
    expect(refreshed.relatedSuggestions?.[0]).toBe(newer.id)
    // The job wrote the suggestions without a save of the article: the page is new all the same.
    const after = await revalidate(read, path, etag)
    expect(after.status).toBe(200)
    expect((await after.json()).relatedSuggestions[0]).toBe(newer.id)
  })
})

describe('`related` on read', () => {
  it("lists editors' picks first, then suggestions, published only and without duplicates", async () => {
    const pick = await publish({ title: '편집자 선택', keywords: ['x-unique'] })
    const suggested = await publish({ title: '추천 기사', keywords: ['y-unique'] })
    const subject = await publish({ title: '본문 기사', keywords: ['y-unique'] })
    await payload.update({
      collection: 'articles',
      id: subject.id,
      data: { relatedArticles: [pick.id] },
    })
    const draftPick = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '초안 선택' }) as never,
      draft: true,
    })
    await payload.update({
      collection: 'articles',
      id: subject.id,
      data: { relatedArticles: [pick.id, draftPick.id, suggested.id] },
    })
    const { body } = await api.rest('GET', `/articles/${subject.id}`)
    const titles = body.related.map((item: { title: string }) => item.title)
    expect(titles.slice(0, 2)).toEqual(['편집자 선택', '추천 기사'])
    expect(titles).not.toContain('초안 선택')
    expect(new Set(titles).size).toBe(titles.length)
    expect(body.related[0]).toMatchObject({
      // The article's own id, of the same type (a number with serial ids, a string otherwise).
      id: pick.id,
      slug: pick.slug,
      regionLabel: '울산시',
    })
    expect(typeof body.related[0].id).toBe(typeof pick.id)
    expect(body.related[0].registeredAt).toBeTruthy()
    const graphql = await api.graphql(
      `{ Article(id: ${JSON.stringify(subject.id)}) { id related { id title } } }`,
    )
    expect(graphql.body.data.Article.related[0]).toEqual({ id: pick.id, title: '편집자 선택' })
  })
})
