import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemo } from '../../src/seed'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'
import { compareIds, graphQLIdType } from '../helpers/ids'

let payload: Payload
let api: ReturnType<typeof apiClient>

beforeAll(async () => {
  payload = await bootPayload('article-page')
  await seedDemo(payload)
  api = apiClient(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

/** The seed page as one anonymous GraphQL query (also shown in docs/api.md). */
export const ARTICLE_PAGE_QUERY = `
query ArticlePage($slug: String!) {
  Articles(where: { slug: { equals: $slug } }, limit: 1) {
    docs {
      id title subtitle regionLabel registeredAtText byline bodyHtml
      body
      related { id title slug regionLabel registeredAt }
      adjacent {
        newer { title regionLabel registeredAt }
        older { title regionLabel registeredAt }
      }
      reporters { name slug }
    }
  }
}`

const bySlug = async (slug: string) =>
  (await payload.find({ collection: 'articles', where: { slug: { equals: slug } }, depth: 0 }))
    .docs[0]!

/** The seed page's article with two other published articles as editors' picks. */
const seedArticleWithTwoPicks = async () => {
  process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
  const ulsan = await bySlug('ulsan-social-innovation')
  const others = (
    await payload.find({
      collection: 'articles',
      where: { id: { not_equals: ulsan.id }, _status: { equals: 'published' } },
      limit: 2,
      depth: 0,
    })
  ).docs
  await payload.update({
    collection: 'articles',
    id: ulsan.id,
    data: { relatedArticles: others.map((doc) => doc.id) },
  })
  return { others, ulsan }
}

describe('the seed page as one anonymous GraphQL query', () => {
  it('returns everything the page shows', async () => {
    const { body } = await api.graphql(ARTICLE_PAGE_QUERY, { slug: 'ulsan-social-innovation' })
    expect(body.errors).toBeUndefined()
    const article = body.data.Articles.docs[0]
    expect(article).toMatchObject({
      title: '‘울산형 사회 혁신’본격 추진',
      subtitle: '시민 주도의 사회문제 해결과 협력적 공동체 실현',
      regionLabel: '울산시',
      registeredAtText: '2020년04월17일 13시33분',
      byline: '김한수 기자 (hansu.kim@newsroom.example)',
    })
    expect(article.bodyHtml).toContain('울산시는 시민사회의 역량 강화를 통해')
    expect(article.body.root.children).toHaveLength(16)
    // The previous/next lines of the seed page.
    expect(article.adjacent.newer).toMatchObject({
      title: '다양한 아이 돌봄 체험 교실 ‘눈길’',
      regionLabel: '충남홍성군',
    })
    expect(article.adjacent.older).toMatchObject({
      title: '화재취약대상 소방차 길터주기 훈련',
      regionLabel: '인천서부소방서',
    })
    // "이 기자의 다른뉴스보기" links to the reporter's page.
    expect(article.reporters[0]).toEqual({ name: '김한수', slug: expect.any(String) })
    expect(Array.isArray(article.related)).toBe(true)
  })

  it("can carry the reporter's latest other articles as well", async () => {
    const withList = ARTICLE_PAGE_QUERY.replace(
      'reporters { name slug }',
      'reporters { name slug articles(limit: 5, where: { slug: { not_equals: $slug } }) { docs { title registeredAtText } totalDocs } }',
    )
    const ulsan = await bySlug('ulsan-social-innovation')
    // In a section of its own, so the seed article's neighbours stay as the other tests expect.
    const section = await payload.create({
      collection: 'sections',
      data: { name: '기자 목록 측정' },
    })
    await payload.create({
      collection: 'articles',
      data: {
        title: '김 기자의 다른 기사',
        section: section.id,
        reporters: ulsan.reporters,
        _status: 'published',
      } as never,
    })
    const { body } = await api.graphql(withList, { slug: 'ulsan-social-innovation' })
    expect(body.errors).toBeUndefined()
    const [reporter] = body.data.Articles.docs[0].reporters
    const titles = reporter.articles.docs.map((doc: { title: string }) => doc.title)
    expect(titles).toContain('김 기자의 다른 기사')
    expect(titles).not.toContain('‘울산형 사회 혁신’본격 추진')
    expect(reporter.articles.docs[0].registeredAtText).toMatch(
      /^\d{4}년\d{2}월\d{2}일 \d{2}시\d{2}분$/,
    )
  })

  it('answers the same over REST', async () => {
    const { body } = await api.rest(
      'GET',
      '/articles?where[slug][equals]=ulsan-social-innovation&depth=1',
    )
    const article = body.docs[0]
    expect(article.adjacent.newer.regionLabel).toBe('충남홍성군')
    expect(article.adjacent.older.registeredAt).toBe('2020-04-16T16:35:32+09:00')
  })
})

describe('computed fields over GraphQL', () => {
  it('are there when the query asks for them', async () => {
    const { others, ulsan } = await seedArticleWithTwoPicks()
    const { body } = await api.graphql(
      `query($id: ${graphQLIdType(payload)}!) { Article(id: $id) { jsonLd related { title } } }`,
      { id: ulsan.id },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.Article.jsonLd).toMatchObject({
      '@type': 'NewsArticle',
      headline: '‘울산형 사회 혁신’본격 추진',
      author: [{ name: '김한수' }],
    })
    expect(body.data.Article.related.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining(others.map((doc) => doc.title)),
    )
    const listed = await api.graphql(`{ Articles(limit: 3) { docs { title jsonLd } } }`)
    expect(listed.body.errors).toBeUndefined()
    for (const doc of listed.body.data.Articles.docs) expect(doc.jsonLd.headline).toBe(doc.title)
  })
})

describe('computed fields when the read selects fields', () => {
  it('GraphQL `select: true` (only the columns asked for are loaded) answers the same page', async () => {
    const full = await api.graphql(ARTICLE_PAGE_QUERY, { slug: 'ulsan-social-innovation' })
    const selected = await api.graphql(
      ARTICLE_PAGE_QUERY.replace('limit: 1)', 'limit: 1, select: true)'),
      { slug: 'ulsan-social-innovation' },
    )
    expect(selected.body.errors).toBeUndefined()
    const article = selected.body.data.Articles.docs[0]
    expect(article.registeredAtText).toBe('2020년04월17일 13시33분')
    expect(article.adjacent.newer.title).toBe('다양한 아이 돌봄 체험 교실 ‘눈길’')
    expect(article.related.length).toBeGreaterThan(0)
    expect(selected.body).toEqual(full.body)
  })

  it('REST `select` of computed fields alone gives them as a full read does', async () => {
    const { others, ulsan } = await seedArticleWithTwoPicks()
    const computed = [
      'registeredAtText',
      'revisedAtText',
      'related',
      'adjacent',
      'jsonLd',
      'shareLinks',
    ]
    const full = (await api.rest('GET', `/articles/${ulsan.id}?depth=1`)).body
    const included = (
      await api.rest(
        'GET',
        `/articles/${ulsan.id}?depth=1&${computed.map((name) => `select[${name}]=true`).join('&')}`,
      )
    ).body
    for (const name of computed) expect({ [name]: included[name] }).toEqual({ [name]: full[name] })
    expect(included.related.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining(others.map((doc) => doc.title)),
    )
    // Excluding what a computed field is made from does not break the computed field either.
    const excluded = (
      await api.rest(
        'GET',
        `/articles/${ulsan.id}?depth=1&select[registeredAt]=false&select[relatedArticles]=false&select[title]=false`,
      )
    ).body
    expect(excluded.registeredAtText).toBe('2020년04월17일 13시33분')
    expect(excluded.related).toEqual(full.related)
    expect(excluded.jsonLd.headline).toBe('‘울산형 사회 혁신’본격 추진')
  })
})

describe('computed fields of linked articles', () => {
  it('are left out over GraphQL as over REST: only the articles asked for compute related, adjacent and jsonLd', async () => {
    const ulsan = await bySlug('ulsan-social-innovation')
    const { body } = await api.graphql(
      `query($id: ${graphQLIdType(payload)}!) { Article(id: $id) { adjacent { newer { title related { title } jsonLd adjacent { older { title } } } } } }`,
      { id: ulsan.id },
    )
    expect(body.errors).toBeUndefined()
    const newer = body.data.Article.adjacent.newer
    expect(newer.title).toBe('다양한 아이 돌봄 체험 교실 ‘눈길’')
    expect(newer.related).toEqual([])
    expect(newer.jsonLd).toBeNull()
    expect(newer.adjacent.older).toBeNull()
    const joined = await api.graphql(
      `query($id: ${graphQLIdType(payload)}!) { Article(id: $id) { reporters { articles(limit: 5) { docs { title related { title } adjacent { older { title } } } } } } }`,
      {
        id: ulsan.id,
      },
    )
    expect(joined.body.errors).toBeUndefined()
    const listed = joined.body.data.Article.reporters[0].articles.docs as {
      adjacent: { older: unknown }
      related: unknown[]
    }[]
    expect(listed.length).toBeGreaterThan(0)
    for (const doc of listed) {
      expect(doc.related).toEqual([])
      expect(doc.adjacent.older).toBeNull()
    }
    const rest = await api.rest('GET', `/articles/${ulsan.id}?depth=2`)
    expect(rest.body.adjacent.newer.jsonLd ?? null).toBeNull()
  })
})

describe('structured data and sharing', () => {
  it('gives a schema.org NewsArticle in +09:00 and share links', async () => {
    process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
    const ulsan = await bySlug('ulsan-social-innovation')
    const { body } = await api.rest('GET', `/articles/${ulsan.id}`)
    expect(body.jsonLd).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: '‘울산형 사회 혁신’본격 추진',
      datePublished: '2020-04-17T13:33:00+09:00',
      author: [
        { '@type': 'Person', name: '김한수', url: 'https://news.example.kr/reporters/kim-hansu' },
      ],
      mainEntityOfPage: 'https://news.example.kr/news/ulsan-social-innovation',
    })
    expect(body.shareLinks.facebook).toBe(
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fnews.example.kr%2Fnews%2Fulsan-social-innovation',
    )
    expect(decodeURIComponent(body.shareLinks.x)).toContain('[울산시] ‘울산형 사회 혁신’본격 추진')
    expect(body.shareLinks.naverBand).toContain('band.us/plugin/share')
    expect(body.shareLinks.naver).toContain('share.naver.com')
    expect(body.shareLinks.kakao.link.webUrl).toBe(
      'https://news.example.kr/news/ulsan-social-innovation',
    )
  })
})

describe('structured data image', () => {
  it('is the og-size hero image, whether the read populates it or not', async () => {
    const data = await sharp({
      create: { width: 1600, height: 900, channels: 3, background: '#3366aa' },
    })
      .jpeg()
      .toBuffer()
    const media = await payload.create({
      collection: 'media',
      data: { alt: '대표 사진' } as never,
      file: { data, mimetype: 'image/jpeg', name: 'hero.jpg', size: data.length },
    })
    const ulsan = await bySlug('ulsan-social-innovation')
    await payload.update({
      collection: 'articles',
      id: ulsan.id,
      data: { heroImage: media.id } as never,
    })
    for (const depth of [0, 1]) {
      const { body } = await api.rest('GET', `/articles/${ulsan.id}?depth=${depth}`)
      expect(body.jsonLd.image).toHaveLength(1)
      // The media folder outlives the suite, so Payload may number the file (hero-3.jpg).
      expect(body.jsonLd.image[0], `depth ${depth}`).toMatch(
        /^https?:\/\/.+\/hero(-\d+)?-1200x630\.jpg$/,
      )
      expect(body.jsonLd.author.map((author: { name: string }) => author.name)).toEqual(['김한수'])
    }
    await payload.update({
      collection: 'articles',
      id: ulsan.id,
      data: { heroImage: null } as never,
    })
    await payload.delete({ collection: 'media', id: media.id })
  })
})

describe('adjacent', () => {
  it('is null at the ends of a section', async () => {
    const newest = await bySlug('demo-hongseong-childcare')
    const { body } = await api.rest('GET', `/articles/${newest.id}?depth=1`)
    expect(body.adjacent.newer).toBeNull()
    expect(body.adjacent.older.title).toBe('‘울산형 사회 혁신’본격 추진')
  })

  it('skips unpublished articles and breaks timestamp ties by id', async () => {
    const ulsan = await bySlug('ulsan-social-innovation')
    const incheon = await bySlug('demo-incheon-seobu-fire-drill')
    // Published, then taken down: keeps its registeredAt but must not show as a neighbour.
    const withdrawn = await payload.create({
      collection: 'articles',
      data: {
        title: '철회된 기사',
        section: ulsan.section,
        reporters: ulsan.reporters,
        registeredAt: '2020-04-17T00:00:00.000Z',
        _status: 'published',
      } as never,
    })
    await payload.update({ collection: 'articles', id: withdrawn.id, data: { _status: 'draft' } })
    const twin = await payload.create({
      collection: 'articles',
      data: {
        title: '같은 시각 기사',
        section: ulsan.section,
        reporters: ulsan.reporters,
        registeredAt: ulsan.registeredAt,
        _status: 'published',
      } as never,
    })
    const read = async (id: number | string) =>
      (await api.rest('GET', `/articles/${id}?depth=1`)).body.adjacent
    // Same registeredAt: the larger id is the newer (uuid ids are random, so either may be).
    const [earlier, later] = compareIds(twin.id, ulsan.id) > 0 ? [ulsan, twin] : [twin, ulsan]
    expect((await read(earlier.id)).newer.id).toBe(later.id)
    expect((await read(later.id)).older.id).toBe(earlier.id)
    // The withdrawn article is skipped: the next older published one is Incheon.
    expect((await read(earlier.id)).older.id).toBe(incheon.id)
    await payload.delete({ collection: 'articles', id: twin.id })
  })
})

describe('database work per article read', () => {
  const countQueries = async (read: () => Promise<unknown>): Promise<number> => {
    const db = payload.db as unknown as Record<string, (...args: unknown[]) => unknown>
    const methods = [
      'find',
      'findOne',
      'count',
      'findVersions',
      'queryDrafts',
      'findDistinct',
      'countVersions',
    ]
    const originals = new Map(methods.map((name) => [name, db[name]]))
    let calls = 0
    for (const name of methods) {
      const original = originals.get(name)!
      db[name] = function (this: unknown, ...args: unknown[]) {
        calls++
        return original.apply(payload.db, args)
      }
    }
    try {
      await read()
    } finally {
      for (const [name, original] of originals) db[name] = original
    }
    return calls
  }

  it('is the same whatever the number of related articles', async () => {
    const ulsan = await bySlug('ulsan-social-innovation')
    const others = (
      await payload.find({
        collection: 'articles',
        where: { id: { not_equals: ulsan.id } },
        limit: 8,
        depth: 0,
      })
    ).docs
    const read = () => api.graphql(ARTICLE_PAGE_QUERY, { slug: 'ulsan-social-innovation' })
    await payload.update({
      collection: 'articles',
      id: ulsan.id,
      data: { relatedArticles: [others[0]!.id] },
    })
    const withOne = await countQueries(read)
    await payload.update({
      collection: 'articles',
      id: ulsan.id,
      data: { relatedArticles: others.map((doc) => doc.id) },
    })
    const withEight = await countQueries(read)
    expect(withOne).toBeGreaterThan(0)
    expect(withEight).toBe(withOne)
    const rest = () => api.rest('GET', `/articles/${ulsan.id}?depth=1`)
    await payload.update({
      collection: 'articles',
      id: ulsan.id,
      data: { relatedArticles: [others[0]!.id] },
    })
    const restWithOne = await countQueries(rest)
    await payload.update({
      collection: 'articles',
      id: ulsan.id,
      data: { relatedArticles: others.map((doc) => doc.id) },
    })
    expect(await countQueries(rest)).toBe(restWithOne)
  })

  it('is the same for a list of 3 and of 8 articles, with their related, neighbours and structured data', async () => {
    const ulsan = await bySlug('ulsan-social-innovation')
    const section = await payload.create({ collection: 'sections', data: { name: '목록 측정' } })
    const anchor = await payload.create({
      collection: 'articles',
      data: {
        title: '목록의 관련 기사',
        section: ulsan.section,
        reporters: ulsan.reporters,
        _status: 'published',
      } as never,
    })
    const created: (number | string)[] = []
    for (let index = 0; index < 8; index++) {
      const article = await payload.create({
        collection: 'articles',
        data: {
          title: `목록 기사 ${index}`,
          section: section.id,
          region: ulsan.region,
          reporters: ulsan.reporters,
          relatedArticles: [anchor.id, ...created.slice(-2)],
          registeredAt: new Date(Date.UTC(2021, 0, 1 + index)).toISOString(),
          _status: 'published',
        } as never,
      })
      created.push(article.id)
    }
    const list = (limit: number) => () =>
      api.rest(
        'GET',
        `/articles?where[section][equals]=${section.id}&sort=-registeredAt&limit=${limit}&depth=1`,
      )
    const three = await countQueries(list(3))
    const eight = await countQueries(list(8))
    expect(three).toBeGreaterThan(0)
    expect(eight).toBe(three)
    const { body } = await list(8)()
    // Batching must not change what each article says.
    expect(body.docs[0].adjacent.newer).toBeNull()
    expect(body.docs[0].adjacent.older.title).toBe('목록 기사 6')
    expect(body.docs[7].adjacent.newer.title).toBe('목록 기사 1')
    expect(body.docs[7].adjacent.older).toBeNull()
    expect(body.docs[3].related.map((item: { title: string }) => item.title)).toEqual(
      expect.arrayContaining(['목록의 관련 기사', '목록 기사 3']),
    )
    expect(body.docs[3].jsonLd.author[0].name).toBe('김한수')
  })
})
