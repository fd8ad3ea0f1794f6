import type { Payload } from 'payload'

import http from 'node:http'
import sharp from 'sharp'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { graphQLIdType } from '../helpers/ids'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// The public origins every absolute URL starts with (DESIGN.md, "Images").
const API_ORIGIN = 'https://api.news.example.kr'
const SITE_ORIGIN = 'https://news.example.kr'
process.env.NEWSROOM_PUBLIC_URL = API_ORIGIN
process.env.NEWSROOM_SITE_URL = SITE_ORIGIN

/** The headline shape's keys (DESIGN.md, "Headline shape"). */
const HEADLINE_KEYS = [
  'byline',
  'heroImage',
  'id',
  'regionLabel',
  'registeredAt',
  'registeredAtListText',
  'registeredAtText',
  'section',
  'slug',
  'subtitle',
  'title',
  'url',
]
const IMAGE_KEYS = ['alt', 'caption', 'credit', 'height', 'id', 'sizes', 'srcset', 'url', 'width']

const HEADLINE_FRAGMENT = `fragment Headline on Article {
  id title subtitle slug url regionLabel section { name slug }
  heroImage { id url width height alt caption credit srcset
    sizes { thumbnail { url width height } card { url width height } hero { url width height } og { url width height } } }
  registeredAt registeredAtText registeredAtListText byline
}`

type Doc = Record<string, any>
type Received = { body: string; headers: http.IncomingHttpHeaders }

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let admin: string
let receiver: http.Server
let base = ''
const received: Received[] = []
let middle: Doc
let older: Doc
let newer: Doc
let mediaId: number | string

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, headers: request.headers })
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`
  payload = await bootPayload('contract-shape')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  admin = await api.login(loginEmails().admin, PASSWORD)

  const data = await sharp({
    create: { width: 1600, height: 900, channels: 3, background: '#3366aa' },
  })
    .jpeg()
    .toBuffer()
  const media = await payload.create({
    collection: 'media',
    data: { alt: '대표 사진', caption: '울산시청 전경', credit: '울산시' } as never,
    file: { data, mimetype: 'image/jpeg', name: 'hero.jpg', size: data.length },
  })
  mediaId = media.id
  const publish = (title: string, registeredAt: string, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        _status: 'published',
        title,
        registeredAt,
        subtitle: `${title} 부제`,
        heroImage: media.id,
        keywords: ['울산', '혁신'],
        ...extra,
      }) as never,
    }) as Promise<Doc>
  older = await publish('이전 기사', '2020-04-16T07:35:32.000Z')
  newer = await publish('다음 기사', '2020-04-18T01:00:00.000Z')
  middle = await publish('가운데 기사', '2020-04-17T04:33:00.000Z', {
    relatedArticles: [older.id],
    reporters: [fixture.reporters.kim, fixture.reporters.park],
  })
  middle = (await payload.update({
    collection: 'articles',
    id: middle.id,
    data: { corrections: [{ kind: 'correction', text: '제목의 날짜를 바로잡습니다.' }] } as never,
  })) as Doc
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

const sortedKeys = (value: Doc) => Object.keys(value).sort()

/** Every string in `value` that looks like an instant (`2020-04-17T…`), with its path. */
const instantsIn = (value: unknown, path = '$'): [string, string][] => {
  if (typeof value === 'string')
    return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value) ? [[path, value]] : []
  if (Array.isArray(value)) return value.flatMap((item, i) => instantsIn(item, `${path}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => instantsIn(item, `${path}.${key}`))
  return []
}
const expectKstInstants = (value: unknown, atLeast = 1) => {
  const instants = instantsIn(value)
  expect(instants.length).toBeGreaterThanOrEqual(atLeast)
  for (const [path, instant] of instants)
    expect(`${path}=${instant}`).toMatch(/=\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00$/)
}

const expectHeadline = (headline: Doc, id: unknown) => {
  expect(sortedKeys(headline)).toEqual(HEADLINE_KEYS)
  expect(headline.id).toBe(id)
  expect(typeof headline.id).toBe(typeof middle.id)
  expect(headline.url).toMatch(new RegExp(`^${SITE_ORIGIN}/news/`))
  expect(sortedKeys(headline.section)).toEqual(['name', 'slug'])
  expect(headline.section.name).toBe('뉴스')
  expect(headline.registeredAtText).toMatch(/^\d{4}년\d{2}월\d{2}일 \d{2}시\d{2}분$/)
  expect(headline.registeredAtListText).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/)
  expect(headline.byline).toContain('김한수')
  expectPublicImage(headline.heroImage)
}

const expectPublicImage = (image: Doc) => {
  for (const key of IMAGE_KEYS) expect(image).toHaveProperty(key)
  expect(image.url).toMatch(new RegExp(`^${API_ORIGIN}/api/media/file/`))
  expect(image).toMatchObject({ width: 1600, height: 900, alt: '대표 사진', credit: '울산시' })
  for (const size of ['thumbnail', 'card', 'hero', 'og'])
    expect(image.sizes[size].url).toMatch(new RegExp(`^${API_ORIGIN}/`))
  // The sizes of the original's 16:9 shape and the original, narrowest first.
  expect(image.srcset).toMatch(new RegExp(`^${API_ORIGIN}/\\S+ 640w, ${API_ORIGIN}/\\S+ 1600w$`))
}

describe('the headline shape', () => {
  it('is the same over REST `related` and `adjacent`, at every depth, with the article’s id type', async () => {
    for (const depth of [0, 1, 2]) {
      const { body, status } = await api.rest('GET', `/articles/${middle.id}?depth=${depth}`)
      expect(status).toBe(200)
      // The editors' pick first, then the computed suggestion (the same keywords).
      expect(body.related.map((item: Doc) => item.id)).toEqual([older.id, newer.id])
      for (const item of body.related) expectHeadline(item, item.id)
      expectHeadline(body.related[0], older.id)
      expectHeadline(body.adjacent.older, older.id)
      expectHeadline(body.adjacent.newer, newer.id)
      expect(body.related[0]).toEqual(body.adjacent.older)
      expect(body.related[0].registeredAt).toBe('2020-04-16T16:35:32+09:00')
      expect(body.related[0].registeredAtText).toBe('2020년04월16일 16시35분')
      expect(body.related[0].registeredAtListText).toBe('2020-04-16 16:35:32')
      // The article itself carries the same names.
      for (const key of HEADLINE_KEYS) expect(body).toHaveProperty(key)
      expect(body.url).toBe(`${SITE_ORIGIN}/news/${encodeURIComponent(middle.slug)}`)
    }
  })

  it('is what a reporter’s page lists over REST, at every depth', async () => {
    for (const depth of [0, 1, 2]) {
      const { body } = await api.rest('GET', `/reporters/${fixture.reporters.park}?depth=${depth}`)
      expect(body.articles.docs.map((doc: Doc) => doc.id)).toEqual([middle.id])
      expectHeadline(body.articles.docs[0], middle.id)
    }
  })

  it('GraphQL `related` and `adjacent` are `Article`, answering the same keys and values as REST', async () => {
    const { body } = await api.graphql(
      `${HEADLINE_FRAGMENT}
      query($id: ${graphQLIdType(payload)}!) { Article(id: $id) {
        ...Headline related { ...Headline } adjacent { newer { ...Headline } older { ...Headline } }
      } }`,
      { id: middle.id },
    )
    expect(body.errors).toBeUndefined()
    const article = body.data.Article
    const rest = (await api.rest('GET', `/articles/${middle.id}`)).body
    expectHeadline(article.related[0], older.id)
    expectHeadline(article.adjacent.newer, newer.id)
    expectHeadline(article.adjacent.older, older.id)
    expect(article.related[0]).toEqual(rest.related[0])
    expect(article.adjacent.newer).toEqual(rest.adjacent.newer)
    expect(article.registeredAt).toBe('2020-04-17T13:33:00+09:00')
    expect(article.id).toBe(middle.id)
  })

  it('is what a `summary` webhook carries, and a `full` one adds the linked documents as objects', async () => {
    const channel = async (format: 'full' | 'summary') =>
      (
        await api.rest('POST', '/distribution-channels', {
          body: {
            name: format,
            url: `${base}/${format}`,
            allowPrivateNetwork: true,
            format,
            events: ['article.updated'],
          },
          token: admin,
        })
      ).body.doc as { id: number | string; secret: string }
    const summary = await channel('summary')
    const full = await channel('full')
    received.length = 0
    await payload.update({
      collection: 'articles',
      id: middle.id,
      data: { subtitle: '수정된 부제' },
    })
    await payload.jobs.run({ limit: 100 })
    const bodies = received.map((message) => {
      const secret = message.body.includes('"bodyHtml"') ? full.secret : summary.secret
      return new Webhook(secret).verify(
        message.body,
        message.headers as Record<string, string>,
      ) as {
        data: Doc
        timestamp: string
      }
    })
    const summaryData = bodies.find((body) => !('bodyHtml' in body.data))!.data
    const fullData = bodies.find((body) => 'bodyHtml' in body.data)!.data
    expectHeadline(summaryData, middle.id)
    expect(summaryData.subtitle).toBe('수정된 부제')
    const rest = (await api.rest('GET', `/articles/${older.id}`)).body
    // The same shape as the article's own neighbour line shows it.
    expect(sortedKeys(summaryData)).toEqual(sortedKeys(rest.adjacent.newer))
    expect(fullData).toMatchObject({
      id: middle.id,
      section: { id: fixture.sections.news, name: '뉴스', slug: expect.any(String) },
      region: { id: fixture.regions.ulsan, name: expect.any(String), code: '3100000000' },
      reporters: [
        { id: fixture.reporters.kim, name: '김한수' },
        { id: fixture.reporters.park, name: '박서연' },
      ],
      keywords: ['울산', '혁신'],
    })
    expect(fullData.bodyHtml).toContain('첫 문단입니다.')
    expectPublicImage(fullData.heroImage)
    for (const key of HEADLINE_KEYS.filter((key) => key !== 'section'))
      expect(fullData).toHaveProperty(key)
    expectKstInstants(summaryData)
    expectKstInstants(fullData, 2)
    // The event's own time too, to the millisecond (receivers order events by it).
    for (const body of bodies)
      expect(body.timestamp).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+09:00$/)
  })
})

describe('instants in public output', () => {
  it('are +09:00 everywhere over REST: the article, its links, corrections, media, sections', async () => {
    for (const path of [
      `/articles/${middle.id}?depth=2`,
      `/articles?depth=1&limit=10`,
      `/media/${mediaId}`,
      `/sections?limit=5`,
      `/reporters/${fixture.reporters.kim}?depth=1`,
    ]) {
      const { body, status } = await api.rest('GET', path)
      expect(status).toBe(200)
      expectKstInstants(body)
    }
    const article = (await api.rest('GET', `/articles/${middle.id}`)).body
    expect(article.corrections[0].publishedAt).toMatch(/\+09:00$/)
    expect(article.revisedAt).toMatch(/\+09:00$/)
  })

  it('are +09:00 over GraphQL (DateTime), and in jsonLd', async () => {
    const { body } = await api.graphql(
      `query($id: ${graphQLIdType(payload)}!) { Article(id: $id) {
        createdAt updatedAt registeredAt revisedAt jsonLd
        section { createdAt updatedAt } heroImage { createdAt }
        related { registeredAt updatedAt }
      } }`,
      { id: middle.id },
    )
    expect(body.errors).toBeUndefined()
    expectKstInstants(body.data, 9)
    expect(body.data.Article.jsonLd.datePublished).toBe('2020-04-17T13:33:00+09:00')
  })

  it('are +09:00 in the Atom feed', async () => {
    const { text } = await api.rest('GET', '/feeds/atom.xml')
    const stamps = [...text.matchAll(/<(updated|published)>([^<]+)</g)].map((match) => match[2]!)
    expect(stamps.length).toBeGreaterThan(1)
    for (const stamp of stamps) expect(stamp).toMatch(/\+09:00$/)
  })

  it('staff sessions read UTC (the admin compares instants as strings); an offset sent back is stored as UTC', async () => {
    const read = (await api.rest('GET', `/articles/${older.id}`, { token: admin })).body
    expect(read.registeredAt).toBe('2020-04-16T07:35:32.000Z')
    const anonymous = (await api.rest('GET', `/articles/${older.id}`)).body
    expect(anonymous.registeredAt).toBe('2020-04-16T16:35:32+09:00')
    const { status } = await api.rest('PATCH', `/articles/${older.id}`, {
      body: { registeredAt: '2020-04-16T17:00:00+09:00' },
      token: admin,
    })
    expect(status).toBe(200)
    const stored = await payload.findByID({ collection: 'articles', id: older.id, depth: 0 })
    // The Local API (our hooks, the admin's server views) reads the stored UTC form.
    expect(stored.registeredAt).toBe('2020-04-16T08:00:00.000Z')
    // Still the older neighbour: the instant compares as an instant.
    const page = (await api.rest('GET', `/articles/${middle.id}`)).body
    expect(page.adjacent.older.id).toBe(older.id)
  })
})

describe('images in public output', () => {
  it('media over REST and GraphQL: absolute URLs for every size and a srcset', async () => {
    const rest = (await api.rest('GET', `/media/${mediaId}`)).body
    expectPublicImage(rest)
    expect(rest.thumbnailURL).toMatch(new RegExp(`^${API_ORIGIN}/`))
    const { body } = await api.graphql(
      `query($id: ${graphQLIdType(payload)}!) { Media(id: $id) { url srcset sizes { og { url } } } }`,
      { id: mediaId },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.Media.url).toBe(rest.url)
    expect(body.data.Media.srcset).toBe(rest.srcset)
    expect(body.data.Media.sizes.og.url).toMatch(new RegExp(`^${API_ORIGIN}/`))
  })

  it('the Local API (the admin’s own views) keeps Payload’s relative URLs', async () => {
    const media = (await payload.findByID({ collection: 'media', id: mediaId })) as Doc
    expect(media.url).toMatch(/^\/api\/media\/file\//)
    expect(media.thumbnailURL).toMatch(/^\/api\/media\/file\//)
  })

  it('jsonLd’s image is absolute', async () => {
    const { body } = await api.rest('GET', `/articles/${middle.id}`)
    expect(body.jsonLd.image[0]).toMatch(new RegExp(`^${API_ORIGIN}/api/media/file/`))
  })
})
