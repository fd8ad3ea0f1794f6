import type { Payload } from 'payload'

import { XMLParser } from 'fast-xml-parser'
import Parser from 'rss-parser'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemo } from '../../src/seed'
import { paragraphsToLexical } from '../../src/seed/lexical'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
const rss = new Parser()
const xml = new XMLParser({ ignoreAttributes: false })

beforeAll(async () => {
  process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
  payload = await bootPayload('feeds')
  await seedDemo(payload)
  api = apiClient(payload)
  const news = (await payload.find({ collection: 'sections', where: { slug: { equals: 'news' } } }))
    .docs[0]!
  // Any demo reporter but 김한수, whose own feed is checked below.
  const reporter = (
    await payload.find({
      collection: 'reporters',
      limit: 1,
      where: { slug: { not_equals: 'kim-hansu' } },
    })
  ).docs[0]!
  await payload.create({
    collection: 'articles',
    data: {
      title: '오늘 발행한 기사',
      section: news.id,
      reporters: [reporter.id],
      body: paragraphsToLexical(['오늘의 본문']),
      _status: 'published',
    } as never,
  })
})
afterAll(async () => {
  await payload?.destroy()
})

const get = async (path: string) => {
  const response = await api.rest('GET', path)
  return { ...response, text: response.text }
}

describe('RSS and Atom', () => {
  it('list all published news, newest first, with KST dates, links and bylines', async () => {
    const { status, headers, text } = await get('/feeds/rss.xml')
    expect(status).toBe(200)
    expect(headers.get('content-type')).toContain('application/rss+xml')
    const feed = await rss.parseString(text)
    const titles = feed.items.map((item) => item.title)
    expect(titles[0]).toBe('오늘 발행한 기사')
    expect(titles).toContain('[울산시] ‘울산형 사회 혁신’본격 추진')
    expect(titles.join()).not.toContain('작성 중')
    const ulsan = feed.items.find((item) => item.title?.includes('울산형'))!
    expect(ulsan.link).toBe('https://news.example.kr/news/ulsan-social-innovation')
    expect(ulsan.pubDate).toBe('Fri, 17 Apr 2020 13:33:00 +0900')
    expect(ulsan.creator ?? ulsan.author ?? text).toContain('김한수 기자')
    expect(ulsan['content:encoded'] ?? ulsan.content).toContain(
      '울산시는 시민사회의 역량 강화를 통해',
    )
  })

  it('come as Atom too', async () => {
    const { text } = await get('/feeds/atom.xml')
    const atom = xml.parse(text).feed
    const entries = Array.isArray(atom.entry) ? atom.entry : [atom.entry]
    const ulsan = entries.find((entry: { title: { '#text'?: string } | string }) =>
      JSON.stringify(entry.title).includes('울산형'),
    )
    expect(ulsan.published).toBe('2020-04-17T13:33:00+09:00')
  })

  it('per section, per region (a 시도 with its 시군구) and per reporter', async () => {
    const section = await rss.parseString((await get('/feeds/sections/news/rss.xml')).text)
    expect(section.items.length).toBeGreaterThanOrEqual(11)
    const chungnam = await payload.find({
      collection: 'regions',
      where: { code: { equals: '4400000000' } },
    })
    const region = await rss.parseString(
      (await get(`/feeds/regions/${encodeURIComponent(chungnam.docs[0]!.slug!)}/rss.xml`)).text,
    )
    const regionTitles = region.items.map((item) => item.title)
    expect(regionTitles).toContain('[충남홍성군] 다양한 아이 돌봄 체험 교실 ‘눈길’')
    expect(regionTitles).toContain('[충남천안시] 외국인 근로자 희망 일자리 상담 (데모)')
    expect(regionTitles).toContain('[충청남도] 내포신도시 인구 4만 명 돌파 (데모)')
    expect(regionTitles.join()).not.toContain('울산')
    const reporter = await rss.parseString((await get('/feeds/reporters/kim-hansu/rss.xml')).text)
    expect(reporter.title).toContain('김한수 기자')
    expect(reporter.items.map((item) => item.title)).toEqual([
      '[울산시] ‘울산형 사회 혁신’본격 추진',
    ])
  })

  it('answer 404 for an unknown scope, slug or format', async () => {
    expect((await get('/feeds/sections/no-such-section/rss.xml')).status).toBe(404)
    expect((await get('/feeds/teams/news/rss.xml')).status).toBe(404)
    expect((await get('/feeds/rss.json')).status).toBe(404)
  })
})

describe('sitemaps', () => {
  it('the Google News sitemap lists only the last 48 hours, with publication name and ko', async () => {
    const { status, text } = await get('/sitemaps/news.xml')
    expect(status).toBe(200)
    const urls = [xml.parse(text).urlset.url].flat()
    expect(urls).toHaveLength(1)
    expect(urls[0]['news:news']['news:title']).toBe('오늘 발행한 기사')
    expect(urls[0]['news:news']['news:publication']['news:language']).toBe('ko')
    expect(urls[0]['news:news']['news:publication']['news:name']).toBeTruthy()
    expect(urls[0]['news:news']['news:publication_date']).toMatch(/\+09:00$/)
  })

  it('the index lists the news sitemap and article sitemaps covering every published article', async () => {
    const index = xml.parse((await get('/sitemaps/index.xml')).text).sitemapindex
    const locations = [index.sitemap].flat().map((entry: { loc: string }) => entry.loc)
    expect(locations[0]).toMatch(/\/api\/sitemaps\/news\.xml$/)
    expect(locations[1]).toMatch(/\/api\/sitemaps\/articles\/1\.xml$/)
    const page = xml.parse((await get('/sitemaps/articles/1.xml')).text).urlset
    const urls = [page.url].flat()
    expect(urls).toHaveLength(11)
    expect(urls.map((url: { loc: string }) => url.loc)).toContain(
      'https://news.example.kr/news/ulsan-social-innovation',
    )
    expect(urls[0].lastmod).toMatch(/\+09:00$/)
    expect((await get('/sitemaps/articles/2.xml')).status).toBe(404)
  })
})
