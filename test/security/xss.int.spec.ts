import type { IncomingHttpHeaders } from 'node:http'
import type { CollectionConfig, Payload } from 'payload'

import http from 'node:http'
import Parser from 'rss-parser'
import sharp from 'sharp'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { reduceRichTextRelations } from '../../collections/hooks/reduceRichTextRelations'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

type ID = number | string
type Received = { body: string; headers: IncomingHttpHeaders }

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let admin: string
let media: { id: ID; url: string }
let received: Received[] = []
let receiver: http.Server
let base = ''

/** Rich text nested in a group, an array, a named tab and a block, on a collection of its own. */
const pages: CollectionConfig = {
  slug: 'xss-pages',
  versions: { drafts: true },
  hooks: { beforeChange: [reduceRichTextRelations] },
  fields: [
    { name: 'title', type: 'text' },
    { name: 'intro', type: 'group', fields: [{ name: 'text', type: 'richText' }] },
    { name: 'sections', type: 'array', fields: [{ name: 'text', type: 'richText' }] },
    { type: 'tabs', tabs: [{ name: 'extra', fields: [{ name: 'text', type: 'richText' }] }] },
    {
      name: 'layout',
      type: 'blocks',
      blocks: [{ slug: 'prose', fields: [{ name: 'text', type: 'richText' }] }],
    },
  ],
}

beforeAll(async () => {
  process.env.NEWSROOM_SITE_URL = 'https://news.example.kr'
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
  payload = await bootPayload('security-xss', {
    configure: (config) => ({ ...config, collections: [...(config.collections ?? []), pages] }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  admin = await api.login(loginEmails().admin, PASSWORD)
  const data = await sharp({
    create: { width: 2400, height: 1800, channels: 3, background: '#3366aa' },
  })
    .jpeg()
    .toBuffer()
  const doc = await payload.create({
    collection: 'media',
    data: { alt: '울산시청 전경', caption: '울산시청 앞 광장', credit: '울산시' } as never,
    file: { data, mimetype: 'image/jpeg', name: 'city-hall.jpg', size: data.length },
  })
  media = { id: doc.id, url: doc.url! }
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

// Lexical nodes, as a client may send them.
const text = (value: string, format = 0) => ({
  type: 'text',
  detail: 0,
  format,
  mode: 'normal',
  style: '',
  text: value,
  version: 1,
})
const element = (type: string, children: unknown[], extra: Record<string, unknown> = {}) => ({
  type,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  version: 1,
  ...extra,
})
const paragraph = (...children: unknown[]) =>
  element('paragraph', children, { textFormat: 0, textStyle: '' })
const link = (url: string, label = '링크', newTab = true) =>
  element('link', [text(label)], { fields: { linkType: 'custom', url, newTab }, version: 3 })
const autolink = (url: string) =>
  element('autolink', [text(url)], { fields: { linkType: 'custom', url }, version: 2 })
const internalLink = (relationTo: string, value: unknown) =>
  element('link', [text('관련 기사')], {
    fields: { linkType: 'internal', doc: { relationTo, value }, newTab: false },
    version: 3,
  })
const upload = (value: unknown, relationTo = 'media') => ({
  type: 'upload',
  relationTo,
  value,
  fields: {},
  format: '',
  id: '65f0c0ffee0000000000abcd',
  version: 3,
})
const relationship = (value: unknown, relationTo = 'articles') => ({
  type: 'relationship',
  relationTo,
  value,
  format: '',
  version: 2,
})
const body = (...children: unknown[]) => ({ root: element('root', children) })

/** Scheme tricks a link URL may try. */
const badUrls = [
  'javascript:alert(1)',
  'JaVaScRiPt:alert(document.cookie)',
  'vbscript:msgbox(1)',
  'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
  '&#106;avascript:alert(1)',
  '&#x6A;avascript&#x3A;alert(1)',
  'java\tscript:alert(1)',
  'java\nscript:alert(1)',
  '\u0001javascript:alert(1)',
  ' javascript:alert(1)',
  'jav&#x09;ascript:alert(1)',
]

/** Markup typed as text, in every place text can go. */
const markup = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<svg onload=alert(1)>',
  '"><script>alert(1)</script>',
  "'><a href=javascript:alert(1)>x</a>",
  '<p style="background:url(javascript:alert(1))">x</p>',
  '<iframe src="javascript:alert(1)"></iframe>',
]

const allowedTags = new Set([
  'p',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'u',
  's',
  'sub',
  'sup',
  'code',
  'a',
  'br',
  'hr',
  'figure',
  'figcaption',
  'img',
])
const urlAttributes = new Set(['href', 'src', 'srcset'])
const decode = (value: string) =>
  value
    .replace(/&#x([0-9a-f]+);?/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);?/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')

/**
 * Checks the HTML independently of the sanitiser: every tag is allowed, no event handler, no
 * script-capable URL (entities decoded, control characters dropped as browsers do), and text holds
 * no raw `<` that a browser could read as a tag.
 */
const expectSafeHtml = (html: string) => {
  expect(html).not.toMatch(/<\s*script/i)
  const outsideTags = html.replace(/<\/?[a-z][a-z0-9]*(?:\s+[a-z-]+(?:="[^"]*")?)*\s*\/?>/gi, '')
  expect(outsideTags, 'text carries no markup').not.toContain('<')
  for (const [, name, attributes] of html.matchAll(
    /<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*\/?>/gi,
  )) {
    expect(allowedTags.has(name!.toLowerCase()), `tag ${name}`).toBe(true)
    for (const [, attribute, value = ''] of attributes!.matchAll(/([a-z-]+)(?:="([^"]*)")?/gi)) {
      expect(attribute, html).not.toMatch(/^on/i)
      const decoded = decode(value)
        // Browsers drop control characters and spaces inside a URL's scheme: so does the check.
        // eslint-disable-next-line no-control-regex
        .replace(/[\u0000-\u0020]/g, '')
        .toLowerCase()
      if (urlAttributes.has(attribute!.toLowerCase())) {
        for (const url of decoded.split(','))
          expect(url, html).not.toMatch(/^(?:javascript|vbscript|data|file):/)
      }
      if (attribute!.toLowerCase() === 'style')
        expect(decoded).toMatch(
          /^(?:(?:text-align|padding-inline-start|list-style-type):[a-z0-9]+;?)+$/,
        )
    }
  }
}

const rest = (method: string, path: string, data: unknown) =>
  api.rest(method, path, { body: data, token: editor })
const create = (articleBody: unknown, draft = false, extra: Record<string, unknown> = {}) =>
  rest(
    'POST',
    `/articles${draft ? '?draft=true' : ''}`,
    articleData(fixture, { body: articleBody, _status: draft ? 'draft' : 'published', ...extra }),
  )
const stored = (id: ID) =>
  payload.findByID({ collection: 'articles', id, depth: 0, draft: true, overrideAccess: true })

const expectRejected = async (response: { body: any; status: number }) => {
  expect(response.status, JSON.stringify(response.body)).toBe(400)
  expect(JSON.stringify(response.body)).toContain('body')
}

describe('forged upload and relationship values', () => {
  it('an upload value carrying its own url is stored as the bare id and rendered from the stored media', async () => {
    const forged = {
      id: media.id,
      url: 'javascript:alert(1)',
      filename: '"><script>alert(1)</script>',
      alt: '" onerror="alert(1)',
      mimeType: 'image/png',
      sizes: {},
    }
    for (const draft of [false, true]) {
      const { body: response, status } = await create(body(upload(forged)), draft)
      expect(status, JSON.stringify(response)).toBe(201)
      const article = await stored(response.doc.id)
      const node = (article.body as any).root.children[0]
      expect(node.value).toEqual(media.id)
      expect(article.bodyHtml).toContain(media.url)
      expect(article.bodyHtml).toContain('alt="울산시청 전경"')
      expect(article.bodyHtml).not.toContain('javascript:')
      expect(article.bodyHtml).not.toContain('onerror')
      expectSafeHtml(article.bodyHtml!)
    }
  })

  it('an upload, relationship or internal link to an id that does not exist answers 400 naming body, drafts too', async () => {
    for (const draft of [false, true]) {
      await expectRejected(
        await create(body(upload({ id: 987654, url: 'javascript:alert(1)' })), draft),
      )
      await expectRejected(await create(body(upload(987654)), draft))
      await expectRejected(
        await create(body(relationship({ id: 987654, title: '<script>alert(1)</script>' })), draft),
      )
      await expectRejected(
        await create(
          body(paragraph(internalLink('articles', { id: 987654, slug: 'javascript:alert(1)' }))),
          draft,
        ),
      )
    }
  })

  it('a value without an id, or a collection the editor does not allow, answers 400', async () => {
    await expectRejected(
      await create(body(upload({ url: 'javascript:alert(1)', mimeType: 'image/png' })), true),
    )
    await expectRejected(await create(body(upload(fixture.users.editor, 'users')), true))
    await expectRejected(await create(body(upload(media.id, 'no-such-collection')), true))
    await expectRejected(await create(body(relationship(media.id, 'media')), true))
  })

  it('a relationship or internal link is stored as { relationTo, value: id } and rendered from the stored article', async () => {
    const target = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '진짜 제목', _status: 'published' }) as never,
    })
    const forged = {
      id: target.id,
      title: '<img src=x onerror=alert(1)>',
      slug: 'javascript:alert(1)',
    }
    const { body: response, status } = await create(
      body(relationship(forged), paragraph(internalLink('articles', forged))),
      true,
    )
    expect(status, JSON.stringify(response)).toBe(201)
    const article = await stored(response.doc.id)
    const [relationNode, linkParagraph] = (article.body as any).root.children
    expect(relationNode.value).toEqual(target.id)
    expect(linkParagraph.children[0].fields.doc).toEqual({
      relationTo: 'articles',
      value: target.id,
    })
    const url = `https://news.example.kr/news/${encodeURIComponent(target.slug!)}`
    expect(article.bodyHtml).toContain(`<a href="${url}">진짜 제목</a>`)
    expect(article.bodyHtml).toContain(`<a href="${url}">관련 기사</a>`)
    expectSafeHtml(article.bodyHtml!)
  })

  it('an internal link to an unpublished article renders as text, not as a link that gives its slug away', async () => {
    const draft = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '비공개 초안' }) as never,
      draft: true,
    })
    const { body: response } = await create(
      body(paragraph(internalLink('articles', draft.id))),
      true,
    )
    const article = await stored(response.doc.id)
    expect(article.bodyHtml).toBe('<p>관련 기사</p>')
  })
})

describe('rich text nested in groups, arrays, tabs and blocks', () => {
  const createPage = (data: Record<string, unknown>) =>
    payload.create({ collection: 'xss-pages' as never, data: data as never, draft: true })
  const forged = () => body(upload({ id: media.id, url: 'javascript:alert(1)' }))

  it('has its upload values reduced to the id everywhere', async () => {
    const page = (await createPage({
      intro: { text: forged() },
      sections: [{ text: forged() }, { text: forged() }],
      extra: { text: forged() },
      layout: [{ blockType: 'prose', text: forged() }],
    })) as any
    const stored = (await payload.findByID({
      collection: 'xss-pages' as never,
      id: page.id,
      depth: 0,
      draft: true,
    })) as any
    for (const text of [
      stored.intro.text,
      stored.sections[0].text,
      stored.sections[1].text,
      stored.extra.text,
      stored.layout[0].text,
    ]) {
      expect(text.root.children[0].value).toEqual(media.id)
    }
  })

  // Built when the test runs: the media is made in beforeAll.
  it.each([
    ['intro.text', () => ({ intro: { text: body(upload(987654)) } })],
    [
      'sections.1.text',
      () => ({
        sections: [{ text: forged() }, { text: body(paragraph(link('javascript:alert(1)'))) }],
      }),
    ],
    ['extra.text', () => ({ extra: { text: body(relationship({ id: 987654 })) } })],
    ['layout.0.text', () => ({ layout: [{ blockType: 'prose', text: body(upload(987654)) }] })],
  ])('answers 400 naming %s', async (path, data) => {
    const error = await createPage(data()).then(
      () => null,
      (thrown: { data?: { errors?: { path: string }[] }; status?: number }) => thrown,
    )
    expect(error?.status).toBe(400)
    expect(error?.data?.errors?.map((entry) => entry.path)).toEqual([path])
  })
})

describe('link URLs', () => {
  it.each(badUrls)(
    'a link or autolink to %j answers 400 naming body, published or draft, created or updated',
    async (url) => {
      await expectRejected(await create(body(paragraph(link(url)))))
      await expectRejected(await create(body(paragraph(autolink(url))), true))
      const existing = await payload.create({
        collection: 'articles',
        data: articleData(fixture) as never,
      })
      await expectRejected(
        await rest('PATCH', `/articles/${existing.id}?draft=true`, {
          body: body(paragraph(link(url))),
        }),
      )
      await expectRejected(
        await rest('PATCH', `/articles/${existing.id}`, { body: body(paragraph(autolink(url))) }),
      )
      expect((await stored(existing.id)).bodyHtml).toBe(
        '<p>첫 문단입니다.</p><p>둘째 문단입니다.</p>',
      )
    },
  )

  it('http, https, mailto, tel and relative URLs are kept; a new tab gets rel=noopener', async () => {
    const urls = [
      'https://www.ulsan.go.kr/u/rep/main.ulsan',
      'http://example.kr/a?b=1&c=2',
      'mailto:desk@news.example.kr',
      'tel:+82-52-120',
      '/news/other',
      '#top',
    ]
    const { body: response, status } = await create(
      body(paragraph(...urls.map((url) => link(url, url)))),
    )
    expect(status, JSON.stringify(response)).toBe(201)
    const html = (await stored(response.doc.id)).bodyHtml!
    expect(html).toContain(
      '<a href="https://www.ulsan.go.kr/u/rep/main.ulsan" target="_blank" rel="noopener noreferrer">',
    )
    expect(html).toContain('<a href="http://example.kr/a?b=1&amp;c=2"')
    for (const url of ['mailto:desk@news.example.kr', 'tel:+82-52-120', '/news/other', '#top'])
      expect(html).toContain(`href="${url}"`)
    expectSafeHtml(html)
  })
})

describe('markup typed into text is escaped in every node type', () => {
  // Drafts skip Payload's node validation, so only they can carry forged node attributes.
  const everyNode = (value: string, isDraft: boolean) =>
    body(
      paragraph(text(value), text(value, 1 | 2 | 4 | 8 | 16 | 32)),
      element('heading', [text(value)], { tag: 'h2' }),
      element('quote', [text(value)]),
      element('list', [element('listitem', [text(value)], { value: 1 })], {
        listType: 'bullet',
        tag: 'ul',
        start: 1,
      }),
      element('list', [element('listitem', [text(value)], { value: 1, checked: true })], {
        listType: 'check',
        tag: 'ul',
        start: 1,
      }),
      paragraph(link('https://example.kr', value)),
      paragraph(autolink('https://example.kr')),
      ...(isDraft ? forgedNodes(value) : []),
    )
  // Drafts skip Payload's node validation, so only they can carry forged node types and attributes.
  const forgedNodes = (value: string) => [
    element('heading', [text(value)], { tag: 'script' }),
    element(
      'list',
      [element('listitem', [text(value)], { value: '"><script>alert(1)</script>' })],
      { listType: 'bullet', tag: 'script', start: 1 },
    ),
    element('code', [text(value)], { language: 'html' }),
    element('paragraph', [text(value)], {
      format: 'center" onmouseover="alert(1)',
      indent: '1;background:url(javascript:alert(1))',
    }),
    { ...text(value), style: 'background:url(javascript:alert(1))' },
    element('table', [
      element('tablerow', [element('tablecell', [text(value)], { headerState: 0 })]),
    ]),
    element('html', [], { html: value }),
  ]

  it.each(markup)('%j through REST, published and draft', async (value) => {
    for (const draft of [false, true]) {
      const { body: response, status } = await create(everyNode(value, draft), draft)
      expect(status, JSON.stringify(response)).toBe(201)
      const html = (await stored(response.doc.id)).bodyHtml!
      expect(html).toContain(
        value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
      )
      expectSafeHtml(html)
    }
  })
})

describe('GraphQL mutations', () => {
  const createArticle = `mutation ($data: mutationArticleInput!) { createArticle(data: $data, draft: true) { id bodyHtml } }`
  const graphqlData = (articleBody: unknown) => {
    const { _status: _ignored, ...data } = articleData(fixture, { body: articleBody }) as Record<
      string,
      unknown
    >
    return data
  }

  it('refuse a forged upload value and a javascript: link', async () => {
    for (const forged of [
      body(upload({ id: 987654, url: 'javascript:alert(1)' })),
      body(paragraph(link('javascript:alert(1)'))),
    ]) {
      const { body: response } = await api.graphql(
        createArticle,
        { data: graphqlData(forged) },
        editor,
      )
      expect(response.data?.createArticle ?? null).toBeNull()
      expect(JSON.stringify(response.errors)).toContain('body')
    }
  })

  it('reduce a populated upload value to the id and render safe HTML', async () => {
    const forged = body(
      upload({ id: media.id, url: 'javascript:alert(1)' }),
      paragraph(text(markup[1]!)),
    )
    const { body: response } = await api.graphql(
      createArticle,
      { data: graphqlData(forged) },
      editor,
    )
    expect(response.errors).toBeUndefined()
    const html = response.data.createArticle.bodyHtml as string
    expect(html).toContain(media.url)
    expectSafeHtml(html)
    expect(
      ((await stored(response.data.createArticle.id)).body as any).root.children[0].value,
    ).toEqual(media.id)
  })
})

describe('uploads in the body', () => {
  it('render as a figure with the stored URL, sizes of the same shape, alt and caption with the credit', async () => {
    const { body: response } = await create(body(paragraph(text('본문')), upload(media.id)))
    const html = (await stored(response.doc.id)).bodyHtml!
    const image = await payload.findByID({ collection: 'media', id: media.id })
    const absolute = (url: string) =>
      url.startsWith('http') ? url : `https://news.example.kr${url}`
    expect(html).toBe(
      '<p>본문</p><figure>' +
        `<img src="${absolute(image.url!)}" srcset="${absolute(image.sizes!.hero!.url!)} 1600w, ${absolute(image.url!)} 2400w" sizes="100vw" ` +
        'alt="울산시청 전경" width="2400" height="1800" loading="lazy" />' +
        '<figcaption>울산시청 앞 광장 사진=울산시</figcaption></figure>',
    )
  })
})

describe('feeds and webhooks', () => {
  it('carry the same sanitised bodyHtml that the article stores', async () => {
    const channel = await api.rest('POST', '/distribution-channels', {
      body: { name: '수신기', url: `${base}/hook`, allowPrivateNetwork: true, format: 'full' },
      token: admin,
    })
    expect(channel.status).toBe(201)
    // Only this test's jobs: on SQLite, many jobs at once can hold the database while a delivery
    // waits on this same process's receiver.
    await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
    received = []
    const forged = body(
      paragraph(text(markup[0]!), link('https://example.kr', '"><svg onload=alert(1)>')),
      upload({ id: media.id, url: 'javascript:alert(1)', alt: '"><script>alert(1)</script>' }),
    )
    const { body: response, status } = await create(forged, false, { title: 'XSS 점검 기사' })
    expect(status, JSON.stringify(response)).toBe(201)
    const html = (await stored(response.doc.id)).bodyHtml!
    expectSafeHtml(html)
    expect(html).toContain('<figure>')

    const feed = await new Parser().parseString((await api.rest('GET', '/feeds/rss.xml')).text)
    const item = feed.items.find((entry) => entry.title?.includes('XSS 점검 기사'))!
    expect(item['content:encoded']).toBe(html)

    type Event = { data: { bodyHtml?: string; id: ID }; type: string }
    const delivered = () =>
      received
        .map(
          (message) =>
            new Webhook(channel.body.doc.secret).verify(
              message.body,
              message.headers as Record<string, string>,
            ) as Event,
        )
        .find(
          (event) =>
            event.type === 'article.published' && String(event.data.id) === String(response.doc.id),
        )
    // Jobs may take several rounds (a delivery queues its follow-ups): run rounds until it went out.
    for (let round = 0; round < 20 && !delivered(); round++) await payload.jobs.run({ limit: 100 })
    const published = delivered()
    expect(published?.data.bodyHtml).toBe(html)
  })
})
