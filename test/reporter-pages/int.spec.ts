import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { reporterPages } from '../../plugins/reporter-pages'
import { apiClient, cachedReader, revalidate } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { plainApi, withPlainCollections } from '../helpers/posts'
import { graphQLIdType } from '../helpers/ids'

type ID = number | string
type Join = { docs: { id?: ID; title: string }[]; hasNextPage: boolean; totalDocs?: null | number }

let payload: Payload
let api: ReturnType<typeof apiClient>
let plain: ReturnType<typeof plainApi>
let fixture: NewsroomFixture
const tokens: Record<'editor' | 'kim', string> = { editor: '', kim: '' }

beforeAll(async () => {
  payload = await bootPayload('reporter-pages', {
    configure: withPlainCollections(
      reporterPages({ articles: 'posts', reporters: 'authors', bylineField: 'authors' }),
    ),
  })
  api = apiClient(payload)
  plain = plainApi(payload)
  fixture = await createNewsroom(payload)
  const emails = loginEmails()
  for (const role of Object.keys(tokens) as (keyof typeof tokens)[])
    tokens[role] = await api.login(emails[role], PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const lit = (value: unknown) => JSON.stringify(value)
const idOf = (value: unknown): ID =>
  typeof value === 'object' && value !== null ? (value as { id: ID }).id : (value as ID)

const createReporter = async (name: string, email?: string): Promise<ID> =>
  (await payload.create({ collection: 'reporters', data: { name, email } })).id

const createArticle = async (overrides: Record<string, unknown>, draft = false) =>
  payload.create({ collection: 'articles', data: articleData(fixture, overrides) as never, draft })

/** The published article as stored (depth 0: reporters as ids). */
const live = async (id: ID) => payload.findByID({ collection: 'articles', id, depth: 0 })
/** The latest version, as staff see it in the admin. */
const latest = async (id: ID) =>
  payload.findByID({ collection: 'articles', id, depth: 0, draft: true })
const reporterIds = (doc: { reporters?: unknown }) =>
  ((doc.reporters as unknown[]) ?? []).map((value) => String(idOf(value)))

const restJoin = async (reporter: ID, query = '', token?: string): Promise<Join> => {
  const response = await api.rest('GET', `/reporters/${reporter}${query}`, { token })
  expect(response.status, response.text).toBe(200)
  return response.body.articles as Join
}

const graphqlJoin = async (reporter: ID, args = '', token?: string): Promise<Join> => {
  const { body } = await api.graphql(
    `{ Reporter(id: ${lit(reporter)}) { articles${args ? `(${args})` : ''} { docs { id title } hasNextPage totalDocs } } }`,
    undefined,
    token,
  )
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined()
  return body.data.Reporter.articles as Join
}

const titles = (join: Join) => join.docs.map((doc) => doc.title)
const readers = (): [string, string | undefined][] => [
  ['anonymous reader', undefined],
  ['editor', tokens.editor],
  ['reporter', tokens.kim],
]

describe('reporters.articles lists the reporter’s published articles', () => {
  let choi: ID
  // Created in this order; newest registeredAt first is 2, 4, 1, 5, 3 (not the creation order).
  const registered: [string, string][] = [
    ['최 기사 1', '2024-01-03T00:00:00.000Z'],
    ['최 기사 2', '2024-01-05T00:00:00.000Z'],
    ['최 기사 3', '2024-01-01T00:00:00.000Z'],
    ['최 기사 4', '2024-01-04T00:00:00.000Z'],
    ['최 기사 5', '2024-01-02T00:00:00.000Z'],
  ]
  const newestFirst = ['최 기사 2', '최 기사 4', '최 기사 1', '최 기사 5', '최 기사 3']
  const ids: Record<string, ID> = {}

  beforeAll(async () => {
    choi = await createReporter('최민준', 'choi@example.com')
    for (const [title, registeredAt] of registered) {
      ids[title] = (
        await createArticle({ title, reporters: [choi], registeredAt, _status: 'published' })
      ).id
    }
    await createArticle({ title: '최 기사 초안', reporters: [choi] }, true)
    await createArticle({
      title: '다른 기자 기사',
      reporters: [fixture.reporters.kim],
      _status: 'published',
    })
  })

  it('newest registeredAt first, over REST', async () => {
    const join = await restJoin(choi)
    expect(titles(join)).toEqual(newestFirst)
    expect(join.hasNextPage).toBe(false)
  })

  it('newest registeredAt first, over GraphQL', async () => {
    expect(titles(await graphqlJoin(choi))).toEqual(newestFirst)
  })

  it('paginates over REST: joins[articles][limit]=2&joins[articles][page]=2', async () => {
    const join = await restJoin(
      choi,
      '?joins[articles][limit]=2&joins[articles][page]=2&joins[articles][count]=true',
    )
    expect(titles(join)).toEqual(['최 기사 1', '최 기사 5'])
    expect(join.hasNextPage).toBe(true)
    expect(join.totalDocs).toBe(5)
  })

  it('reaches the last, partial page over REST (page 3 of 2 per page)', async () => {
    const last = await restJoin(choi, '?joins[articles][limit]=2&joins[articles][page]=3')
    expect(titles(last)).toEqual(['최 기사 3'])
    expect(last.hasNextPage).toBe(false)
  })

  it('paginates over GraphQL: articles(limit: 2, page: 2)', async () => {
    const join = await graphqlJoin(choi, 'limit: 2, page: 2')
    expect(titles(join)).toEqual(['최 기사 1', '최 기사 5'])
    expect(join.hasNextPage).toBe(true)
  })

  it('paginates over GraphQL with an explicit sort, and counts with count: true', async () => {
    const sort = 'sort: "-registeredAt"'
    const second = await graphqlJoin(choi, `limit: 2, page: 2, count: true, ${sort}`)
    expect(titles(second)).toEqual(['최 기사 1', '최 기사 5'])
    expect(second.hasNextPage).toBe(true)
    expect(second.totalDocs).toBe(5)
    const last = await graphqlJoin(choi, `limit: 2, page: 3, ${sort}`)
    expect(titles(last)).toEqual(['최 기사 3'])
    expect(last.hasNextPage).toBe(false)
  })

  it('never lists drafts, for readers or staff, over REST', async () => {
    for (const [reader, token] of readers()) {
      expect(titles(await restJoin(choi, '', token)).sort(), reader).toEqual(
        [...newestFirst].sort(),
      )
      expect(
        titles(await restJoin(choi, '?draft=true', token)).sort(),
        `${reader}, draft=true`,
      ).toEqual([...newestFirst].sort())
      expect((await restJoin(choi, '?joins[articles][count]=true', token)).totalDocs, reader).toBe(
        5,
      )
    }
  })

  it('never lists drafts, for readers or staff, over GraphQL', async () => {
    for (const [reader, token] of readers()) {
      expect(titles(await graphqlJoin(choi, '', token)).sort(), reader).toEqual(
        [...newestFirst].sort(),
      )
      expect((await graphqlJoin(choi, 'count: true', token)).totalDocs, reader).toBe(5)
    }
  })

  it('is left out of a reporter shown inside an article, and still read on the reporter page', async () => {
    const article = await api.rest('GET', `/articles/${ids['최 기사 2']}?depth=1`)
    expect(article.status).toBe(200)
    const byline = article.body.reporters as { articles?: unknown; name: string }[]
    expect(byline.map((reporter) => reporter.name)).toEqual(['최민준'])
    expect(byline[0]).not.toHaveProperty('articles')
    // The reporter page, over REST and GraphQL, and the article page's GraphQL query, which asks for it.
    expect(titles(await restJoin(choi))).toEqual(newestFirst)
    const page = await api.graphql(
      `query ($id: ${graphQLIdType(payload)}!) { Article(id: $id) { reporters { name articles(limit: 2) { docs { title } } } } }`,
      { id: ids['최 기사 2'] },
    )
    expect(
      page.body.data.Article.reporters[0].articles.docs.map((doc: { title: string }) => doc.title),
    ).toEqual(newestFirst.slice(0, 2))
  })

  it('leaves out the article being read, over REST', async () => {
    const reading = ids['최 기사 2']!
    const join = await restJoin(
      choi,
      `?joins[articles][where][id][not_equals]=${reading}&joins[articles][count]=true`,
    )
    expect(titles(join).sort()).toEqual(newestFirst.filter((title) => title !== '최 기사 2').sort())
    expect(join.totalDocs).toBe(4)
  })

  it('leaves out the article being read, over GraphQL', async () => {
    const reading = ids['최 기사 2']!
    const join = await graphqlJoin(choi, `where: { id: { not_equals: ${lit(reading)} } }`)
    expect(titles(join).sort()).toEqual(newestFirst.filter((title) => title !== '최 기사 2').sort())
  })

  it('keeps listing a published article that has a pending draft, under its published title', async () => {
    const han = await createReporter('한지우', 'han@example.com')
    const article = await createArticle({
      title: '발행된 제목',
      reporters: [han],
      _status: 'published',
    })
    await payload.update({
      collection: 'articles',
      id: article.id,
      data: { title: '비공개 초안 제목' },
      draft: true,
    })
    expect(titles(await restJoin(han))).toEqual(['발행된 제목'])
    expect(titles(await graphqlJoin(han))).toEqual(['발행된 제목'])
    expect((await restJoin(han, '', tokens.editor)).docs.map((doc) => idOf(doc))).toEqual([
      article.id,
    ])
  })
})

describe('byline', () => {
  const kimPark = '김한수 기자 (kim@example.com), 박서연 기자 (park@example.com)'
  const parkKim = '박서연 기자 (park@example.com), 김한수 기자 (kim@example.com)'

  it('is stored on the article in byline order', async () => {
    const article = await createArticle({
      title: '공동 취재',
      reporters: [fixture.reporters.kim, fixture.reporters.park],
      _status: 'published',
    })
    expect(article.byline).toBe(kimPark)
    const rest = await api.rest('GET', `/articles/${article.id}`)
    expect(rest.body.byline).toBe(kimPark)
    const gql = await api.graphql(`{ Article(id: ${lit(article.id)}) { byline } }`)
    expect(gql.body.data.Article.byline).toBe(kimPark)
    const row = (await payload.db.findOne({
      collection: 'articles',
      where: { id: { equals: article.id } },
    })) as { byline?: string }
    expect(row.byline).toBe(kimPark)
  })

  it('follows a reordering of the reporters, over REST', async () => {
    const article = await createArticle({
      title: '순서 바꾸기',
      reporters: [fixture.reporters.kim, fixture.reporters.park],
      _status: 'published',
    })
    const { body, status, text } = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { reporters: [fixture.reporters.park, fixture.reporters.kim] },
      token: tokens.editor,
    })
    expect(status, text).toBe(200)
    expect(body.doc.byline).toBe(parkKim)
    expect((await live(article.id)).byline).toBe(parkKim)
  })

  it('cannot be written by hand', async () => {
    const article = await createArticle({
      title: '바이라인 위조',
      reporters: [fixture.reporters.kim],
      _status: 'published',
    })
    await api.rest('PATCH', `/articles/${article.id}`, {
      body: { byline: '가짜 기자' },
      token: tokens.editor,
    })
    expect((await live(article.id)).byline).toBe('김한수 기자 (kim@example.com)')
  })

  it('picks up a reporter’s new name and email on their published articles', async () => {
    const lee = await createReporter('이전이름', 'old@example.com')
    const published = await createArticle({
      title: '개명 전 기사',
      reporters: [lee, fixture.reporters.kim],
      _status: 'published',
    })
    const renamed = await api.rest('PATCH', `/reporters/${lee}`, {
      body: { name: '새이름', email: 'new@example.com' },
      token: tokens.editor,
    })
    expect(renamed.status, renamed.text).toBe(200)
    const expected = '새이름 기자 (new@example.com), 김한수 기자 (kim@example.com)'
    expect((await api.rest('GET', `/articles/${published.id}`)).body.byline).toBe(expected)
    expect(
      (await api.rest('GET', `/articles/${published.id}?draft=true`, { token: tokens.editor })).body
        .byline,
    ).toBe(expected)
  })

  it('picks up a reporter’s new name and email on their drafts, as staff see them', async () => {
    const seo = await createReporter('서옛이름', 'seo-old@example.com')
    const draft = await createArticle({ title: '개명 전 초안', reporters: [seo] }, true)
    const renamed = await api.rest('PATCH', `/reporters/${seo}`, {
      body: { name: '서새이름', email: 'seo@example.com' },
      token: tokens.editor,
    })
    expect(renamed.status, renamed.text).toBe(200)
    const read = await api.rest('GET', `/articles/${draft.id}?draft=true`, { token: tokens.editor })
    expect(read.body.byline).toBe('서새이름 기자 (seo@example.com)')
  })

  it('keeps a renamed reporter’s new byline through later edits', async () => {
    const yoon = await createReporter('윤옛이름', 'yoon-old@example.com')
    const article = await createArticle({
      title: '개명 후 수정',
      reporters: [yoon],
      _status: 'published',
    })
    await payload.update({
      collection: 'reporters',
      id: yoon,
      data: { name: '윤새이름', email: 'yoon@example.com' },
    })
    const edited = await api.rest('PATCH', `/articles/${article.id}`, {
      body: { subtitle: '부제 추가' },
      token: tokens.editor,
    })
    expect(edited.status, edited.text).toBe(200)
    expect((await live(article.id)).byline).toBe('윤새이름 기자 (yoon@example.com)')
  })

  it('keeps a deactivated reporter on their old articles, through later edits', async () => {
    const jung = await createReporter('정퇴직', 'jung@example.com')
    const article = await createArticle({
      title: '퇴직 기자 기사',
      reporters: [jung, fixture.reporters.park],
      _status: 'published',
    })
    const deactivated = await api.rest('PATCH', `/reporters/${jung}`, {
      body: { active: false },
      token: tokens.editor,
    })
    expect(deactivated.status, deactivated.text).toBe(200)
    const expected = '정퇴직 기자 (jung@example.com), 박서연 기자 (park@example.com)'
    expect((await api.rest('GET', `/articles/${article.id}`)).body.byline).toBe(expected)
    await api.rest('PATCH', `/articles/${article.id}`, {
      body: { title: '퇴직 기자 기사 (수정)' },
      token: tokens.editor,
    })
    expect((await live(article.id)).byline).toBe(expected)
  })

  it('is required to publish: at least one active reporter, on create, update and over GraphQL', async () => {
    const expectRefused = (response: { body: unknown; status: number }) => {
      expect(response.status).toBe(400)
      expect(JSON.stringify(response.body)).toContain('"path":"reporters"')
    }
    // A draft may wait for its byline.
    const draft = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '기자 없는 초안', reporters: [] }),
      token: tokens.editor,
    })
    expect(draft.status, draft.text).toBe(201)
    expectRefused(
      await api.rest('PATCH', `/articles/${draft.body.doc.id}`, {
        body: { _status: 'published' },
        token: tokens.editor,
      }),
    )
    expectRefused(
      await api.rest('POST', '/articles', {
        body: articleData(fixture, {
          title: '기자 없는 기사',
          reporters: [],
          _status: 'published',
        }),
        token: tokens.editor,
      }),
    )
    const gone = await createReporter('안활동', 'gone@example.com')
    await payload.update({ collection: 'reporters', id: gone, data: { active: false } as never })
    expectRefused(
      await api.rest('PATCH', `/articles/${draft.body.doc.id}`, {
        body: { _status: 'published', reporters: [gone] },
        token: tokens.editor,
      }),
    )
    const graphql = await api.graphql(
      `mutation ($id: ${graphQLIdType(payload)}!) { updateArticle(id: $id, data: { _status: published }) { id } }`,
      { id: draft.body.doc.id },
      tokens.editor,
    )
    expect(JSON.stringify(graphql.body.errors)).toContain('reporters')
    expect((await latest(draft.body.doc.id))._status).toBe('draft')
    // One active reporter beside the inactive one will do.
    const published = await api.rest('PATCH', `/articles/${draft.body.doc.id}`, {
      body: { _status: 'published', reporters: [gone, fixture.reporters.park] },
      token: tokens.editor,
    })
    expect(published.status, published.text).toBe(200)
    expect((await live(draft.body.doc.id)).byline).toBe(
      '안활동 기자 (gone@example.com), 박서연 기자 (park@example.com)',
    )
  })
})

describe('deleting a reporter', () => {
  let from: ID
  let to: ID
  const articles: Record<'first' | 'second' | 'both' | 'draft', ID> = {
    first: 0,
    second: 0,
    both: 0,
    draft: 0,
  }

  beforeAll(async () => {
    from = await createReporter('떠나는기자', 'from@example.com')
    to = await createReporter('받는기자', 'to@example.com')
    const kim = fixture.reporters.kim
    articles.first = (
      await createArticle({ title: '넘길 기사 1', reporters: [from, kim], _status: 'published' })
    ).id
    articles.second = (
      await createArticle({ title: '넘길 기사 2', reporters: [kim, from], _status: 'published' })
    ).id
    articles.both = (
      await createArticle({ title: '넘길 기사 3', reporters: [to, from], _status: 'published' })
    ).id
    articles.draft = (await createArticle({ title: '넘길 초안', reporters: [from] }, true)).id
  })

  const bylines = async () =>
    Promise.all(Object.values(articles).map(async (id) => reporterIds(await live(id))))

  it('is refused with 409 and a clear message while they have articles, and deletes nothing', async () => {
    const before = await bylines()
    const { body, status, text } = await api.rest('DELETE', `/reporters/${from}`, {
      token: tokens.editor,
    })
    expect(status, text).toBe(409)
    expect(body.errors?.[0]?.message).toMatch(/reassign|넘기/)
    expect((await payload.findByID({ collection: 'reporters', id: from })).name).toBe('떠나는기자')
    expect(await bylines()).toEqual(before)
  })

  it('refuses reassigning to a reporter (403) and changes nothing', async () => {
    const before = await bylines()
    const { status } = await api.rest('POST', `/reporters/${from}/reassign`, {
      body: { to },
      token: tokens.kim,
    })
    expect(status).toBe(403)
    const anonymous = await api.rest('POST', `/reporters/${from}/reassign`, { body: { to } })
    expect(anonymous.status).toBe(403)
    expect(await bylines()).toEqual(before)
  })

  it('answers 400 to a reassign to an unknown reporter', async () => {
    const before = await bylines()
    expect(
      (
        await api.rest('POST', `/reporters/${from}/reassign`, {
          body: { to: 987654 },
          token: tokens.editor,
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await api.rest('POST', `/reporters/${from}/reassign`, {
          body: { to: 'no-such-reporter' },
          token: tokens.editor,
        })
      ).status,
    ).toBe(400)
    expect(
      (await api.rest('POST', `/reporters/${from}/reassign`, { body: {}, token: tokens.editor }))
        .status,
    ).toBe(400)
    expect(await bylines()).toEqual(before)
  })

  it('moves the articles to the other reporter, keeping byline order without duplicates', async () => {
    // A shared cache's copy of one article, revalidated: the reassignment saves no article.
    const read = cachedReader(payload)
    const path = `/articles/${articles.first}?depth=0`
    const etag = (await read(path)).headers.get('etag')!
    expect((await revalidate(read, path, etag)).status).toBe(304)
    const reassigned = await api.rest('POST', `/reporters/${from}/reassign`, {
      body: { to },
      token: tokens.editor,
    })
    expect(reassigned.status, reassigned.text).toBe(200)
    const after = await revalidate(read, path, etag)
    expect(after.status).toBe(200)
    expect((await after.json()).byline).toBe(
      '받는기자 기자 (to@example.com), 김한수 기자 (kim@example.com)',
    )
    const [k, t] = [String(fixture.reporters.kim), String(to)]
    expect(reporterIds(await live(articles.first))).toEqual([t, k])
    expect(reporterIds(await live(articles.second))).toEqual([k, t])
    expect(reporterIds(await live(articles.both))).toEqual([t])
    expect((await live(articles.first)).byline).toBe(
      '받는기자 기자 (to@example.com), 김한수 기자 (kim@example.com)',
    )
    expect((await live(articles.both)).byline).toBe('받는기자 기자 (to@example.com)')
  })

  it('moves them in the versions staff edit too (drafts and latest versions)', async () => {
    const [k, t] = [String(fixture.reporters.kim), String(to)]
    expect(reporterIds(await latest(articles.draft))).toEqual([t])
    expect(reporterIds(await latest(articles.first))).toEqual([t, k])
    const versions = await payload.findVersions({
      collection: 'articles',
      where: { parent: { equals: articles.second }, latest: { equals: true } },
    })
    expect(reporterIds(versions.docs[0]!.version as { reporters?: unknown })).toEqual([k, t])
  })

  it('then lets the reporter be deleted (200)', async () => {
    const deleted = await api.rest('DELETE', `/reporters/${from}`, { token: tokens.editor })
    expect(deleted.status, deleted.text).toBe(200)
    expect(
      (await payload.find({ collection: 'reporters', where: { id: { equals: from } } })).totalDocs,
    ).toBe(0)
  })

  it('keeps the reassigned reporters through later edits (the deleted one does not come back)', async () => {
    const [k, t] = [String(fixture.reporters.kim), String(to)]
    const edited = await api.rest('PATCH', `/articles/${articles.second}`, {
      body: { subtitle: '넘긴 뒤 수정' },
      token: tokens.editor,
    })
    expect(edited.status, edited.text).toBe(200)
    expect(reporterIds(await live(articles.second))).toEqual([k, t])
    expect((await live(articles.second)).byline).toBe(
      '김한수 기자 (kim@example.com), 받는기자 기자 (to@example.com)',
    )
  })
})

describe('standalone on plain posts and authors', () => {
  let ann: ID
  let bob: ID

  beforeAll(async () => {
    ann = (await plain.create('authors', { name: '안', email: 'ann@example.com' })).id
    bob = (await plain.create('authors', { name: '배', email: 'bob@example.com' })).id
  })

  it('adds posts.byline in author order', async () => {
    const post = await plain.create('posts', {
      title: '바이라인 포스트',
      authors: [ann, bob],
      _status: 'published',
    })
    expect(post.byline).toBe('안 기자 (ann@example.com), 배 기자 (bob@example.com)')
    const reordered = await plain.update('posts', post.id, { authors: [bob, ann] })
    expect(reordered.byline).toBe('배 기자 (bob@example.com), 안 기자 (ann@example.com)')
    await payload.update({
      collection: 'authors' as never,
      id: ann,
      data: { name: '안새이름' } as never,
    })
    expect((await plain.findByID('posts', post.id)).byline).toBe(
      '배 기자 (bob@example.com), 안새이름 기자 (ann@example.com)',
    )
  })

  it('adds authors.articles with published posts only, over REST and GraphQL', async () => {
    const carol = (await plain.create('authors', { name: '최', email: 'carol@example.com' })).id
    await plain.create('posts', {
      title: '공개 포스트',
      authors: [carol, bob],
      _status: 'published',
    })
    await plain.create('posts', { title: '초안 포스트', authors: [carol] }, { draft: true })
    await plain.create('posts', { title: '배 단독 포스트', authors: [bob], _status: 'published' })

    const rest = await api.rest('GET', `/authors/${carol}`)
    expect(rest.status, rest.text).toBe(200)
    expect(titles(rest.body.articles)).toEqual(['공개 포스트'])
    const gql = await api.graphql(`{ Author(id: ${lit(carol)}) { articles { docs { title } } } }`)
    expect(gql.body.errors, JSON.stringify(gql.body.errors)).toBeUndefined()
    expect(titles(gql.body.data.Author.articles)).toEqual(['공개 포스트'])
  })
})
