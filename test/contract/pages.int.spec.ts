import type { TypedDocumentNode } from '@graphql-typed-document-node/core'
import type { Payload } from 'payload'

import { print } from 'graphql'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type {
  ArticlePageQuery,
  HeadlineFragment,
  HomePageQuery,
  RegionPageQuery,
  ReporterPageQuery,
  SearchPageQuery,
  SectionPageQuery,
} from './generated'

import { graphQLPost } from '../../plugins/http-cache'
import { seedDemo } from '../../src/seed'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'
import {
  ArticlePageDocument,
  HomePageDocument,
  RegionPageDocument,
  ReporterPageDocument,
  SearchPageDocument,
  SectionPageDocument,
} from './generated'

// The frontend's page queries (test/contract/*.graphql, typed by `npm run generate:contract-types`
// from schema.graphql) run as a frontend runs them: anonymous, through the app's GraphQL route
// handler, on the demo newsroom. The result types are used below, so `tsc` fails when a field a
// page reads leaves the schema (codegen refuses the document first). Each list is checked against
// the same list read over REST (nested `where` paths), the parity DESIGN.md promises.

let payload: Payload
let api: ReturnType<typeof apiClient>
let chungnam: string

beforeAll(async () => {
  payload = await bootPayload('contract-pages')
  await seedDemo(payload)
  api = apiClient(payload)
  chungnam = (
    await payload.find({ collection: 'regions', where: { code: { equals: '4400000000' } } })
  ).docs[0]!.slug!
  // A draft in the section must stay out of every reader's list.
  const news = (await payload.find({ collection: 'sections', where: { slug: { equals: 'news' } } }))
    .docs[0]!
  const kim = (
    await payload.find({ collection: 'reporters', where: { slug: { equals: 'kim-hansu' } } })
  ).docs[0]!
  await payload.create({
    collection: 'articles',
    data: {
      title: '아직 출고하지 않은 초안',
      section: news.id,
      region: (
        await payload.find({ collection: 'regions', where: { code: { equals: '4400000000' } } })
      ).docs[0]!.id,
      reporters: [kim.id],
      body: paragraphsToLexical(['초안 본문']),
    } as never,
    draft: true,
  })
  // And a second published story of his, for the reporter page's second page.
  await payload.create({
    collection: 'articles',
    data: {
      title: '김한수 기자의 두 번째 기사',
      section: news.id,
      reporters: [kim.id],
      body: paragraphsToLexical(['두 번째 본문']),
      _status: 'published',
    } as never,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

type Answer<Result> = { data?: Result; errors?: { extensions?: { code?: string } }[] }

/** A typed document, sent as its printed text, as a frontend's GraphQL client sends it. */
const run = async <Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Answer<Result>> => {
  const response = await graphQLPost(payload.config)(
    new Request('http://localhost/api/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: print(document), variables }),
    }),
  )
  expect(response.status).toBe(200)
  return (await response.json()) as Answer<Result>
}

const data = async <Result, Variables>(
  document: TypedDocumentNode<Result, Variables>,
  variables: Variables,
): Promise<Result> => {
  const answer = await run(document, variables)
  expect(answer.errors, JSON.stringify(answer.errors)).toBeUndefined()
  return answer.data!
}

/** The same list over REST, as ids newest first, with its count. */
const restList = async (query: string) => {
  const { body, status } = await api.rest(
    'GET',
    `/articles?${query}&sort=-registeredAt&depth=0&limit=100&select[title]=true`,
  )
  expect(status, JSON.stringify(body)).toBe(200)
  return {
    ids: (body.docs as { id: number | string }[]).map((doc) => doc.id),
    totalDocs: body.totalDocs as number,
  }
}

const expectHeadlines = (docs: HeadlineFragment[]) => {
  expect(docs.length).toBeGreaterThan(0)
  for (const doc of docs) {
    expect(doc.title).toBeTruthy()
    expect(doc.slug).toBeTruthy()
    expect(doc.section?.slug).toBeTruthy()
    expect(doc.registeredAtText).toMatch(/^\d{4}년\d{2}월\d{2}일 \d{2}시\d{2}분$/)
    expect(doc.title).not.toBe('아직 출고하지 않은 초안')
  }
}

describe('the page queries of the seed site, one query per page', () => {
  it('home: the latest news and headline lists by section and region', async () => {
    const home: HomePageQuery = await data(HomePageDocument, {
      section: 'news',
      region: chungnam,
      limit: 5,
    })
    expectHeadlines(home.latest!.docs)
    expectHeadlines(home.section!.docs)
    expect(home.section!.docs.length).toBeLessThanOrEqual(5)
    expect(home.sections!.docs.map((section) => section.slug)).toContain('news')
    expect(home.region!.totalDocs).toBe(
      (
        await restList(
          `where[or][0][region.slug][equals]=${encodeURIComponent(chungnam)}&where[or][1][region.parent.slug][equals]=${encodeURIComponent(chungnam)}`,
        )
      ).totalDocs,
    )
  })

  it('section list: the same articles as REST’s where[section.slug]', async () => {
    const page: SectionPageQuery = await data(SectionPageDocument, { slug: 'news', limit: 100 })
    expect(page.Sections!.docs[0]!.name).toBe('뉴스')
    expectHeadlines(page.articles!.docs)
    const rest = await restList('where[section.slug][equals]=news')
    expect(page.articles!.docs.map((doc) => doc.id)).toEqual(rest.ids)
    expect(page.articles!.totalDocs).toBe(rest.totalDocs)
  })

  it('region page: a 시도 lists its own and its 시군구’s articles', async () => {
    const page: RegionPageQuery = await data(RegionPageDocument, { slug: chungnam })
    const region = page.Regions!.docs[0]!
    expect(region.level).toBe('sido')
    const labels = page.articles!.docs.map((doc) => doc.regionLabel)
    // 충청남도's own, 홍성군's and 천안시's demo articles.
    expect(labels).toEqual(expect.arrayContaining(['충청남도', '충남홍성군', '충남천안시']))
    const rest = await restList(
      `where[or][0][region.slug][equals]=${encodeURIComponent(chungnam)}&where[or][1][region.parent.slug][equals]=${encodeURIComponent(chungnam)}`,
    )
    expect(page.articles!.docs.map((doc) => doc.id)).toEqual(rest.ids)
  })

  it('reporter page: "이 기자의 다른뉴스보기" with totalDocs, paginated', async () => {
    const first: ReporterPageQuery = await data(ReporterPageDocument, {
      slug: 'kim-hansu',
      limit: 1,
    })
    expect(first.Reporters!.docs[0]!.name).toBe('김한수')
    const rest = await restList('where[reporters.slug][equals]=kim-hansu')
    expect(first.articles!.totalDocs).toBe(rest.totalDocs)
    expect(first.articles!.totalDocs).toBeGreaterThan(1)
    expect(first.articles!.totalPages).toBe(rest.totalDocs)
    expect(first.articles!.docs.map((doc) => doc.id)).toEqual(rest.ids.slice(0, 1))
    const second: ReporterPageQuery = await data(ReporterPageDocument, {
      slug: 'kim-hansu',
      limit: 1,
      page: 2,
    })
    expect(second.articles!.page).toBe(2)
    expect(second.articles!.docs.map((doc) => doc.id)).toEqual(rest.ids.slice(1, 2))
  })

  it('article page: the seed article with its byline, related and adjacent lines', async () => {
    const page: ArticlePageQuery = await data(ArticlePageDocument, {
      slug: 'ulsan-social-innovation',
    })
    const article = page.Articles!.docs[0]!
    expect(article.regionLabel).toBe('울산시')
    expect(article.registeredAtText).toBe('2020년04월17일 13시33분')
    expect(article.reporters?.map((reporter) => reporter.slug)).toEqual(['kim-hansu'])
    expect(article.bodyHtml).toContain('울산형 사회 혁신')
    expect(article.adjacent?.newer?.title ?? article.adjacent?.older?.title).toBeTruthy()
    // One headline shape in a list, in 관련뉴스 and in the previous/next lines: the same keys, the
    // article's own id type, absolute URLs, the seed page's list time.
    const neighbour = (article.adjacent?.newer ?? article.adjacent?.older)!
    const headlines = [article, neighbour, ...(article.related ?? [])]
    for (const headline of headlines) {
      expect(typeof headline.id).toBe(typeof article.id)
      expect(headline.url).toMatch(/^https?:\/\//)
      expect(headline.registeredAt).toMatch(/\+09:00$/)
      expect(headline.registeredAtListText).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
      if (headline.heroImage) expect(headline.heroImage.url).toMatch(/^https?:\/\//)
    }
  })

  it('search page: Korean words find the seed article, in the headline shape, as REST finds it', async () => {
    const page: SearchPageQuery = await data(SearchPageDocument, { q: '사회적경제', limit: 5 })
    const found = page.searchArticles
    expect(found.totalDocs).toBeGreaterThan(0)
    const seed = found.docs.find((doc) => doc.slug === 'ulsan-social-innovation')
    expect(seed, JSON.stringify(found.docs.map((doc) => doc.slug))).toBeDefined()
    expect(seed!.url).toMatch(/^https?:\/\//)
    expect(seed!.registeredAt).toMatch(/\+09:00$/)
    expect(seed!.snippet).toContain('<mark>')
    const rest = await api.rest('GET', '/search?q=' + encodeURIComponent('사회적경제') + '&limit=5')
    expect(rest.status).toBe(200)
    expect((rest.body.docs as { id: unknown }[]).map((doc) => doc.id)).toEqual(
      found.docs.map((doc) => doc.id),
    )
  })

  it('an unknown slug is NOT_FOUND, not an empty list', async () => {
    const answer = await run(SectionPageDocument, { slug: 'no-such-section' })
    expect(answer.errors?.[0]?.extensions?.code).toBe('NOT_FOUND')
  })
})
