import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { reindexSearch } from '../../plugins/search'
import { seedDemo } from '../../src/seed'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let news: number | string
let sports: number | string
let ulsanJunggu: number | string
let ulsanSlug: string
let chungnam: number | string
let reporter: number | string
const ids: Record<string, number | string> = {}

type Hit = { id: number | string; snippet: string; title: string; section?: { slug: string } }

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString()
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

const article = async (
  key: string,
  data: Record<string, unknown> & { body?: string[] },
  status: 'draft' | 'published' = 'published',
) => {
  const { body = [], ...rest } = data
  const created = await payload.create({
    collection: 'articles',
    data: {
      section: news,
      reporters: [reporter],
      body: paragraphsToLexical(body),
      _status: status,
      ...rest,
    } as never,
    draft: status === 'draft',
  })
  ids[key] = created.id
  return created.id
}

const search = async (params: Record<string, number | string>) => {
  const query = new URLSearchParams(
    Object.entries(params).map(([key, value]) => [key, String(value)]),
  )
  return api.rest('GET', `/search?${query}`)
}
const titlesOf = async (q: string, extra: Record<string, number | string> = {}) => {
  const { body, status } = await search({ q, ...extra })
  expect(status, JSON.stringify(body)).toBe(200)
  // NFC: an article keeps its title as typed (the NFD one too).
  return (body.docs as Hit[]).map((doc) => doc.title.normalize('NFC'))
}

beforeAll(async () => {
  payload = await bootPayload('search')
  await seedDemo(payload)
  api = apiClient(payload)
  const section = async (slug: string) =>
    (await payload.find({ collection: 'sections', where: { slug: { equals: slug } } })).docs[0]
  news = (await section('news'))!.id
  sports = (
    await payload.create({
      collection: 'sections',
      data: { name: '스포츠', slug: 'sports', order: 5 } as never,
    })
  ).id
  const region = async (code: string) =>
    (await payload.find({ collection: 'regions', where: { code: { equals: code } } })).docs[0]!
  ulsanJunggu = (await region('3111000000')).id
  ulsanSlug = (await region('3100000000')).slug!
  chungnam = (await region('4400000000')).id
  reporter = (await payload.find({ collection: 'reporters', limit: 1 })).docs[0]!.id

  await article('police', {
    title: '경찰, 음주운전 집중 단속',
    body: ['경찰은 연말을 맞아 음주운전 집중 단속에 나섰다.'],
    region: ulsanJunggu,
    registeredAt: '2024-01-01T09:00:00+09:00',
  })
  await article('keyword', {
    title: '시장, 전통시장 방문',
    keywords: ['경찰'],
    body: ['시장이 전통시장을 찾아 상인들을 격려했다.'],
    region: chungnam,
    registeredAt: '2023-01-01T09:00:00+09:00',
  })
  await article('bodyOnly', {
    title: '봄꽃 축제 개막',
    body: [
      '축제 첫날 많은 인파가 몰렸다. 경찰이 교통을 통제했다. <script>alert(1)</script> 표시는 글자 그대로다.',
    ],
    region: chungnam,
    registeredAt: '2025-01-01T09:00:00+09:00',
  })
  await article('pheasant', {
    title: '꿩 요리 경연대회',
    body: ['지역 특산 요리를 겨룬다.'],
    registeredAt: '2022-06-01T09:00:00+09:00',
  })
  await article('nfd', {
    title: '해돋이 명소 안내'.normalize('NFD'),
    body: ['새해 첫 해돋이를 보러 가는 길.'.normalize('NFD')],
    registeredAt: '2022-01-01T09:00:00+09:00',
  })
  await article('sportsPolice', {
    title: '경찰청장배 축구대회',
    section: sports,
    body: ['경찰 축구단이 우승했다.'],
    registeredAt: '2021-01-01T09:00:00+09:00',
  })
  await article('percent', {
    title: '할인율 100% 달성',
    body: ['모든 상품 100% 할인은 아니다. snake_case "따옴표" NEAR: 별표* 역슬래시\\ 작은따옴표\''],
    registeredAt: '2021-06-01T09:00:00+09:00',
  })
  await article('draft', { title: '초안단어 기사', body: ['아직 쓰는 중인 초안단어.'] }, 'draft')
})
afterAll(async () => {
  await payload?.destroy()
})

describe('public search', () => {
  it('finds 2-syllable words, title and keyword hits first, then newest', async () => {
    const { body, status } = await search({ q: '경찰' })
    expect(status).toBe(200)
    expect((body.docs as Hit[]).map((doc) => doc.title)).toEqual([
      '경찰, 음주운전 집중 단속',
      '시장, 전통시장 방문',
      '경찰청장배 축구대회',
      '봄꽃 축제 개막',
    ])
    expect(body).toMatchObject({ totalDocs: 4, page: 1, totalPages: 1 })
    expect(await titlesOf('화재')).toEqual(['화재취약대상 소방차 길터주기 훈련'])
    expect(await titlesOf('울산')).toContain('‘울산형 사회 혁신’본격 추진')
  })

  it('finds 1-syllable words', async () => {
    expect(await titlesOf('꿩')).toEqual(['꿩 요리 경연대회'])
  })

  it('drops a trailing particle when the term as typed finds nothing', async () => {
    expect(await titlesOf('울산시의')).toContain('‘울산형 사회 혁신’본격 추진')
    expect(await titlesOf('음주운전을')).toEqual(['경찰, 음주운전 집중 단속'])
    expect(await titlesOf('경찰이')).toEqual(['봄꽃 축제 개막'])
  })

  it('treats NFD and NFC alike, in the query and in the article', async () => {
    expect(await titlesOf('해돋이')).toEqual(['해돋이 명소 안내'])
    expect(await titlesOf('해돋이'.normalize('NFD'))).toEqual(['해돋이 명소 안내'])
    expect(await titlesOf('경찰'.normalize('NFD'))).toHaveLength(4)
  })

  it('requires every term, and matches longer words as substrings', async () => {
    expect(await titlesOf('경찰 음주운전')).toEqual(['경찰, 음주운전 집중 단속'])
    expect(await titlesOf('경찰청장배')).toEqual(['경찰청장배 축구대회'])
    expect(await titlesOf('경찰 꿩')).toEqual([])
  })

  it('highlights hits in an escaped snippet', async () => {
    const { body } = await search({ q: '경찰' })
    const spring = (body.docs as Hit[]).find((doc) => doc.title === '봄꽃 축제 개막')!
    expect(spring.snippet).toContain('<mark>경찰</mark>이 교통을 통제했다')
    expect(spring.snippet).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
    expect(spring.snippet).not.toContain('<script')
  })

  it('answers in the headline shape', async () => {
    const { body } = await search({ q: '음주운전' })
    const [doc] = body.docs as Record<string, unknown>[]
    expect(doc).toMatchObject({
      id: ids.police,
      title: '경찰, 음주운전 집중 단속',
      regionLabel: expect.stringContaining('중구'),
      section: { name: '뉴스', slug: 'news' },
      registeredAt: expect.any(String),
      registeredAtText: '2024년01월01일 09시00분',
      byline: expect.stringContaining('기자'),
    })
    expect(doc).not.toHaveProperty('bodyHtml')
    expect(doc).not.toHaveProperty('body')
  })

  it('filters by section slug and by region slug, a 시도 with its 시군구', async () => {
    expect(await titlesOf('경찰', { section: 'sports' })).toEqual(['경찰청장배 축구대회'])
    expect(await titlesOf('경찰', { region: ulsanSlug })).toEqual(['경찰, 음주운전 집중 단속'])
    const unknown = await search({ q: '경찰', section: 'no-such-section' })
    expect(unknown.status).toBe(404)
  })

  it('pages', async () => {
    const first = await search({ q: '경찰', limit: 3 })
    const second = await search({ q: '경찰', limit: 3, page: 2 })
    expect(first.body).toMatchObject({ totalDocs: 4, page: 1, totalPages: 2 })
    expect(second.body).toMatchObject({ totalDocs: 4, page: 2, totalPages: 2 })
    expect((second.body.docs as Hit[]).map((doc) => doc.title)).toEqual(['봄꽃 축제 개막'])
  })
})

describe('what readers may not see', () => {
  it('never finds a draft', async () => {
    expect(await titlesOf('초안단어')).toEqual([])
  })

  it('never finds a story under embargo, and finds it once released', async () => {
    const until = inSeconds(3)
    const id = await article(
      'embargoed',
      { title: '엠바고단어 발표', body: ['엠바고단어 본문'], embargoUntil: until },
      'draft',
    )
    await payload.update({
      collection: 'articles',
      id,
      data: { _status: 'published' } as never,
    })
    expect(await titlesOf('엠바고단어')).toEqual([])
    await sleep(Math.max(0, new Date(until).getTime() - Date.now()) + 100)
    await payload.jobs.run({ limit: 100, where: { taskSlug: { equals: 'schedulePublish' } } })
    expect(await titlesOf('엠바고단어')).toEqual(['엠바고단어 발표'])
  })

  it('follows edits, keeps a published story through a draft save, and drops it on unpublish and delete', async () => {
    const id = await article('changing', { title: '변경전단어 기사', body: ['처음 본문'] })
    expect(await titlesOf('변경전단어')).toEqual(['변경전단어 기사'])
    await payload.update({
      collection: 'articles',
      id,
      data: { title: '변경후단어 기사' } as never,
    })
    expect(await titlesOf('변경전단어')).toEqual([])
    expect(await titlesOf('변경후단어')).toEqual(['변경후단어 기사'])
    await payload.update({
      collection: 'articles',
      id,
      draft: true,
      data: { title: '초고단어 기사' } as never,
    })
    expect(await titlesOf('변경후단어')).toEqual(['변경후단어 기사'])
    expect(await titlesOf('초고단어')).toEqual([])
    await payload.update({
      collection: 'articles',
      id,
      data: { _status: 'draft' } as never,
    })
    expect(await titlesOf('변경후단어')).toEqual([])

    const gone = await article('gone', { title: '삭제될단어 기사', body: ['곧 지운다'] })
    expect(await titlesOf('삭제될단어')).toEqual(['삭제될단어 기사'])
    await payload.delete({ collection: 'articles', id: gone })
    expect(await titlesOf('삭제될단어')).toEqual([])
  })
})

describe('npm run search:reindex', () => {
  it('rebuilds a lost index, drops entries of articles no longer live and reports n/total', async () => {
    await payload.delete({ collection: 'search-index', where: { article: { exists: true } } })
    expect(await titlesOf('경찰')).toEqual([])
    await payload.create({
      collection: 'search-index',
      data: { article: '999999999', title: '유령', head: '유령', text: '유령', grams: ['유령'] },
    })
    const progress: string[] = []
    const result = await reindexSearch(payload, {
      batch: 5,
      onProgress: ({ done, total }) => progress.push(`${done}/${total}`),
    })
    const published = await payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
    })
    expect(result).toMatchObject({ total: published.totalDocs, removed: 1 })
    expect(progress.at(-1)).toBe(`${published.totalDocs}/${published.totalDocs}`)
    expect(progress[0]).toBe(`5/${published.totalDocs}`)
    expect(await titlesOf('경찰')).toHaveLength(4)
    expect(await titlesOf('유령')).toEqual([])
    expect(await titlesOf('초안단어')).toEqual([])
  })
})

describe('bad input', () => {
  it.each([
    ['empty', ''],
    ['blank', '   '],
    ['too long', '가'.repeat(1000)],
  ])('refuses an %s query with 400 VALIDATION', async (_name, q) => {
    const { body, status } = await search({ q })
    expect(status).toBe(400)
    expect(body.errors[0].code).toBe('VALIDATION')
    expect(body.errors[0].message).toMatch(/검색어/)
  })

  it('refuses a missing q, a bad page and a limit past the cap', async () => {
    const missing = await api.rest('GET', '/search')
    expect(missing.status).toBe(400)
    expect(missing.body.errors[0].code).toBe('VALIDATION')
    const page = await search({ q: '경찰', page: 0 })
    expect(page.status).toBe(400)
    const limit = await search({ q: '경찰', limit: 101 })
    expect(limit.status).toBe(400)
    expect(limit.body.errors[0].code).toBe('LIMIT')
  })

  it.each(['"', '*', 'NEAR', ':', "'", '%', '_', '\\', '100%', '"따옴표"', 'snake_case', '별표*'])(
    'searches %s literally',
    async (q) => {
      const { body, status } = await search({ q })
      expect(status, JSON.stringify(body)).toBe(200)
      for (const doc of body.docs as Hit[]) expect(doc.title).toBeTruthy()
      if (q !== 'NEAR')
        expect((body.docs as Hit[]).map((doc) => doc.title)).toContain('할인율 100% 달성')
    },
  )

  it('a % or _ is no wildcard', async () => {
    expect(await titlesOf('100%')).toEqual(['할인율 100% 달성'])
    expect(await titlesOf('e_c')).toEqual(['할인율 100% 달성'])
    expect(await titlesOf('0%할')).toEqual([])
  })
})

describe('GraphQL searchArticles', () => {
  it('answers as REST does, section and snippet included', async () => {
    const { body, status } = await api.graphql(
      `query ($q: String!) { searchArticles(q: $q, limit: 10) { totalDocs page totalPages docs { id title slug regionLabel registeredAtText section { name slug } snippet } } }`,
      { q: '경찰' },
    )
    expect(status, JSON.stringify(body)).toBe(200)
    const result = body.data.searchArticles
    expect(result).toMatchObject({ totalDocs: 4, page: 1, totalPages: 1 })
    const rest = await search({ q: '경찰' })
    expect(result.docs.map((doc: Hit) => doc.title)).toEqual(
      (rest.body.docs as Hit[]).map((doc) => doc.title),
    )
    expect(result.docs[0].section).toEqual({ name: '뉴스', slug: 'news' })
    expect(result.docs.at(-1).snippet).toContain('<mark>경찰</mark>')
  })

  it('refuses an empty query with code VALIDATION', async () => {
    const { body } = await api.graphql(`{ searchArticles(q: "") { totalDocs } }`)
    expect(body.errors[0].extensions.code).toBe('VALIDATION')
  })
})
