import type { Payload } from 'payload'

import http from 'node:http'
import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { graphQLIdType } from '../helpers/ids'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { captureEmails } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { READER_PASSWORD, signUpReader } from '../readers/readerHelpers'

/**
 * DESIGN.md section 3, walked over every public answer for one seeded story: no instant in UTC
 * `Z` form ("Times": RFC 3339 with +09:00) and no relative `/api/…` URL ("every URL in public
 * output absolute from NEWSROOM_PUBLIC_URL"). Staff sessions' document reads are not public
 * output (the admin compares stored UTC instants as strings: plugins/shared/publicTimes.ts).
 */
const API_ORIGIN = 'https://api.news.example.kr'
process.env.NEWSROOM_PUBLIC_URL = API_ORIGIN
process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'

type Doc = Record<string, any>
type ID = number | string

const outbox = captureEmails()
let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let admin: string
let reader: { id: ID; token: string }
let story: Doc
let other: Doc
let reporterSlug: string
let heroId: ID
let receiver: http.Server
let base = ''
const received: string[] = []

// An instant in UTC form anywhere in a string (JSON value, XML text, HTML).
const UTC_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z\b/g
// A path under the API not preceded by a host: `"/api/…"`, `src="/api/…"`, `>/api/…<`.
const RELATIVE_API_URL = /(?:^|[\s"'(=,>;])\/api\//g

/** Every string in an answer (JSON values, or the raw text of XML/HTML), with its path. */
const stringsIn = (value: unknown, path = '$'): [string, string][] => {
  if (typeof value === 'string') return [[path, value]]
  if (Array.isArray(value)) return value.flatMap((item, i) => stringsIn(item, `${path}[${i}]`))
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => stringsIn(item, `${path}.${key}`))
  return []
}

/** What breaks the two rules in one answer, as `where: path = value` lines. */
const breaches = (where: string, answer: unknown): string[] =>
  stringsIn(answer).flatMap(([path, value]) => {
    const found: string[] = []
    const shown = value.length > 160 ? `${value.slice(0, 160)}…` : value
    if (value.match(UTC_INSTANT)) found.push(`${where}: ${path} UTC instant in ${shown}`)
    if (value.match(RELATIVE_API_URL))
      found.push(`${where}: ${path} relative /api/ URL in ${shown}`)
    return found
  })

const media = async () => {
  const data = await sharp({
    create: { width: 1200, height: 800, channels: 3, background: '#2255aa' },
  })
    .jpeg()
    .toBuffer()
  return payload.create({
    collection: 'media',
    data: { alt: '현장 사진', caption: '현장', credit: '울산시' } as never,
    file: { data, mimetype: 'image/jpeg', name: 'scene.jpg', size: data.length },
  })
}

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push(body)
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`
  payload = await bootPayload('contract-times', { email: outbox.adapter })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  admin = await api.login(loginEmails().admin, PASSWORD)
  for (const format of ['full', 'summary'])
    await api.rest('POST', '/distribution-channels', {
      body: {
        name: format,
        url: `${base}/${format}`,
        allowPrivateNetwork: true,
        format,
        events: ['article.published', 'article.updated', 'article.corrected'],
      },
      token: admin,
    })
  const hero = await media()
  heroId = hero.id
  const inline = await media()
  const publish = (title: string, extra: Record<string, unknown> = {}) =>
    payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        _status: 'published',
        title,
        subtitle: `${title} 부제`,
        heroImage: hero.id,
        keywords: ['울산', '시청'],
        ...extra,
      }) as never,
    }) as Promise<Doc>
  other = await publish('울산시청 이전 기사')
  story = await publish('울산시청 새 청사 공개', {
    relatedArticles: [other.id],
    reporters: [fixture.reporters.kim, fixture.reporters.park],
    body: {
      root: {
        type: 'root',
        format: '',
        indent: 0,
        version: 1,
        direction: 'ltr',
        children: [
          {
            type: 'paragraph',
            format: '',
            indent: 0,
            version: 1,
            direction: 'ltr',
            textFormat: 0,
            children: [{ type: 'text', text: '울산시청 본문입니다.', version: 1 }],
          },
          {
            type: 'upload',
            relationTo: 'media',
            value: inline.id,
            version: 3,
            format: '',
            fields: null,
          },
        ],
      },
    },
  })
  story = (await payload.update({
    collection: 'articles',
    id: story.id,
    data: { corrections: [{ kind: 'correction', text: '사진 설명을 바로잡습니다.' }] } as never,
  })) as Doc
  reporterSlug = ((await payload.findByID({ collection: 'reporters', id: fixture.reporters.kim }))
    .slug ?? '') as string
  await payload.create({
    collection: 'ticker-items' as never,
    data: { article: story.id, startsAt: new Date(Date.now() - 60_000).toISOString() } as never,
  })
  reader = await signUpReader(api, outbox, 'times@example.com')
  await api.rest('POST', '/scraps', { body: { article: story.id }, token: reader.token })
  await api.rest('POST', `/articles/${story.id}/view`, {
    headers: { 'user-agent': 'Mozilla/5.0 Chrome/131.0', 'x-reader-token': 'a'.repeat(32) },
  })
  await payload.jobs.run({ limit: 100 })
}, 180_000)

afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

const KST_INSTANT = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+09:00/
const hasKstInstant = (answer: unknown) =>
  stringsIn(answer).some(([, value]) => KST_INSTANT.test(value))

type Check = {
  /** The answer carries a machine-readable instant (so the walk saw one, in +09:00). */
  dated?: boolean
  method?: string
  options?: Parameters<typeof api.rest>[2]
  status?: number
}

describe('public answers for one story', () => {
  it('REST: no UTC instant, no relative /api/ URL (reads, lists, pages, search, counters, readers, preview, errors)', async () => {
    const found: string[] = []
    const check = async (
      path: string,
      { dated = true, method = 'GET', options = {}, status = 200 }: Check = {},
    ) => {
      const answer = await api.rest(method, path, options)
      expect(answer.status, `${method} ${path}: ${answer.text.slice(0, 300)}`).toBe(status)
      const body = answer.body ?? answer.text
      if (dated) expect(hasKstInstant(body), `${method} ${path} has a +09:00 instant`).toBe(true)
      found.push(...breaches(`${method} ${path}`, body))
      return body as Doc
    }
    for (const depth of [0, 1, 2]) await check(`/articles/${story.id}?depth=${depth}`)
    await check('/articles?depth=1&limit=10')
    await check(`/articles/by-slug/${encodeURIComponent(story.slug)}`)
    expect((await check('/articles/most-read?window=24h')).docs.length).toBeGreaterThan(0)
    const search = await check(`/search?q=${encodeURIComponent('울산시청')}`)
    expect(search.docs.length).toBeGreaterThan(0)
    await check(`/reporters/${fixture.reporters.kim}?depth=1`)
    await check(`/reporters?where[slug][equals]=${encodeURIComponent(reporterSlug)}&depth=1`)
    await check('/sections?limit=5')
    await check('/regions?limit=2')
    await check(`/media/${heroId}`)
    expect((await check('/ticker-items/current')).docs.length).toBe(1)
    // A reader's own answers.
    const asReader = { token: reader.token }
    expect((await check('/scraps/mine', { options: asReader })).docs.length).toBe(1)
    await check(`/scraps/articles/${story.id}`, { dated: false, options: asReader })
    await check('/readers/me', { options: asReader })
    await check('/readers/login', {
      method: 'POST',
      options: { body: { email: 'times@example.com', password: READER_PASSWORD } },
    })
    await check(`/articles/${story.id}/vote`, {
      dated: false,
      method: 'POST',
      options: { body: { value: 1 }, token: reader.token },
    })
    await check('/reports', {
      method: 'POST',
      options: { body: { article: story.id, reason: 'abuse', text: '신고합니다' }, ...asReader },
      status: 201,
    })
    await check('/reports', { options: asReader })
    await check('/inquiries', {
      method: 'POST',
      options: {
        body: {
          name: '홍길동',
          email: 'reader@example.org',
          subject: '문의',
          message: '기사에 대해 여쭙니다.',
        },
      },
      status: 201,
    })
    // Preview: the token answer is for a frontend, and so is the draft it opens.
    const minted = await check(`/articles/${story.id}/preview-token`, {
      method: 'POST',
      options: { token: editor },
    })
    await check(`/articles/${story.id}/preview-url`, { options: { token: editor } })
    await check(`/articles/${story.id}/preview?token=${minted.token}`)
    await check(`/articles/${story.id}?preview=${minted.token}`)
    // Error answers.
    await check('/articles/999999999', { dated: false, status: 404 })
    await check('/articles?where[registeredAt][greater_than]=not-a-date', {
      dated: false,
      status: 400,
    })
    await check(`/articles/${story.id}/preview-token`, {
      dated: false,
      method: 'POST',
      status: 401,
    })
    expect(found).toEqual([])
  })

  it('feeds and sitemaps: no UTC instant, no relative /api/ URL', async () => {
    const sectionSlug = (
      await payload.findByID({ collection: 'sections', id: fixture.sections.news })
    ).slug as string
    const regionSlug = (
      await payload.findByID({ collection: 'regions', id: fixture.regions.ulsan })
    ).slug as string
    const found: string[] = []
    for (const path of [
      '/feeds/rss.xml',
      '/feeds/atom.xml',
      `/feeds/sections/${encodeURIComponent(sectionSlug)}/rss.xml`,
      `/feeds/regions/${encodeURIComponent(regionSlug)}/atom.xml`,
      `/feeds/reporters/${encodeURIComponent(reporterSlug)}/rss.xml`,
      '/sitemaps/news.xml',
      '/sitemaps/index.xml',
      '/sitemaps/articles/1.xml',
    ]) {
      const answer = await api.rest('GET', path)
      expect(answer.status, path).toBe(200)
      found.push(...breaches(path, answer.text))
    }
    expect(found).toEqual([])
  })

  it('GraphQL: no UTC instant, no relative /api/ URL', async () => {
    const idType = graphQLIdType(payload)
    const image = 'id url thumbnailURL srcset createdAt updatedAt sizes { card { url } og { url } }'
    const article = `id title url slug createdAt updatedAt registeredAt revisedAt registeredAtText
      bodyHtml jsonLd shareLinks heroImage { ${image} } section { slug createdAt updatedAt }
      region { slug createdAt } reporters { name slug createdAt photo { url } }
      corrections { publishedAt text } workflow { changedAt }
      related { id url registeredAt heroImage { url srcset } }
      adjacent { newer { id url registeredAt } older { id url registeredAt heroImage { url } } }`
    const queries: [string, Record<string, unknown>][] = [
      [`query($id: ${idType}!) { Article(id: $id) { ${article} } }`, { id: story.id }],
      [`{ Articles(limit: 5) { docs { ${article} } } }`, {}],
      [
        `query($id: ${idType}!) { Reporter(id: $id) { name createdAt articles { docs { id url registeredAt heroImage { url } } } } }`,
        { id: fixture.reporters.kim },
      ],
      [
        '{ searchArticles(q: "울산시청") { docs { id url registeredAt snippet heroImage { url } } } }',
        {},
      ],
      ['{ mostRead(window: "24h") { id url registeredAt heroImage { url } } }', {}],
      ['{ ticker { id url startsAt article { id url } } }', {}],
      [`query($id: ${idType}!) { Media(id: $id) { ${image} } }`, { id: heroId }],
      // An error answer.
      [
        `query($missing: ${idType}!) { Article(id: $missing) { id } }`,
        {
          missing:
            typeof story.id === 'number' ? 999_999_999 : '00000000-0000-4000-8000-000000000000',
        },
      ],
    ]
    // A reader's own, signed in.
    const asReader: [string, Record<string, unknown>, string][] = [
      ['{ meReader { user { createdAt updatedAt } } }', {}, reader.token],
      ['{ Scraps { docs { createdAt article { id url registeredAt } } } }', {}, reader.token],
      ['{ Reports { docs { createdAt } } }', {}, reader.token],
    ]
    const found: string[] = []
    for (const [query, variables, token] of [
      ...queries.map(([query, variables]) => [query, variables, undefined] as const),
      ...asReader,
    ]) {
      const { body } = await api.graphql(query, variables, token)
      const isErrorCase = query.includes('$missing')
      if (isErrorCase) expect(body.errors[0].extensions.code).toBe('NOT_FOUND')
      else {
        expect(body.errors, query).toBeUndefined()
        expect(hasKstInstant(body), query).toBe(true)
      }
      found.push(...breaches(`GraphQL ${query.slice(0, 40)}`, body))
    }
    expect(found).toEqual([])
  })

  it('GraphQL `related(draft: true)`, an argument Payload adds to every relationship, opens no draft to a reader', async () => {
    const linked = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '공개 제목', _status: 'published' }) as never,
    })
    await payload.update({
      collection: 'articles',
      id: linked.id,
      data: { title: '비공개 초안 제목' },
      draft: true,
    })
    const page = await payload.create({
      collection: 'articles',
      data: articleData(fixture, {
        title: '초안 인자 확인',
        _status: 'published',
        relatedArticles: [linked.id],
      }) as never,
    })
    const { body } = await api.graphql(
      `query($id: ${graphQLIdType(payload)}!) { Article(id: $id) {
        related(draft: true) { title } relatedArticles(draft: true) { title }
      } }`,
      { id: page.id },
    )
    expect(body.errors).toBeUndefined()
    expect(body.data.Article.related.map((doc: Doc) => doc.title)).toContain('공개 제목')
    expect(JSON.stringify(body)).not.toContain('비공개')
  })

  it('webhooks (full and summary): no UTC instant, no relative /api/ URL', async () => {
    received.length = 0
    await payload.update({ collection: 'articles', id: story.id, data: { subtitle: '새 부제' } })
    await payload.jobs.run({ limit: 100 })
    expect(received.length).toBeGreaterThanOrEqual(2)
    expect(received.some((body) => body.includes('"bodyHtml"'))).toBe(true)
    expect(received.flatMap((body, i) => breaches(`webhook ${i}`, JSON.parse(body)))).toEqual([])
  })
})
