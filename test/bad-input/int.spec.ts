import type { CollectionConfig, Payload } from 'payload'

import fs from 'node:fs'
import { handleEndpoints } from 'payload'
import sharp from 'sharp'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { dataDir } from '../../src/paths'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { graphQLIdType } from '../helpers/ids'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string

/** A host app's collection with drafts that skip validation, as articles do: the guards are generic. */
const memos: CollectionConfig = {
  slug: 'memos',
  versions: { drafts: { validate: false } },
  fields: [
    { name: 'summary', type: 'textarea', maxLength: 20 },
    { name: 'notes', type: 'array', fields: [{ name: 'label', type: 'text', maxLength: 5 }] },
    { name: 'extra', type: 'json' },
  ],
}

beforeAll(async () => {
  payload = await bootPayload('bad-input', {
    configure: (config) => ({ ...config, collections: [...(config.collections ?? []), memos] }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const articleCount = async () =>
  (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
const versionCount = async () =>
  (await payload.countVersions({ collection: 'articles', overrideAccess: true })).totalDocs

/** Every bad write answers 400, names the field, and leaves no article or version behind. */
const expectRejected = async (
  request: () => Promise<{ body: any; status: number }>,
  field: string,
): Promise<void> => {
  const [articlesBefore, versionsBefore] = [await articleCount(), await versionCount()]
  const { body, status } = await request()
  expect(status).toBe(400)
  expect(JSON.stringify(body)).toContain(field)
  expect(await articleCount()).toBe(articlesBefore)
  expect(await versionCount()).toBe(versionsBefore)
}

describe('bad input answers 400 naming the field and writes nothing', () => {
  it('an unknown section id', async () => {
    await expectRejected(
      () =>
        api.rest('POST', '/articles', {
          body: articleData(fixture, { section: 987654 }),
          token: editor,
        }),
      'section',
    )
  })

  it('unknown reporter ids, also on a draft save (drafts skip validation)', async () => {
    await expectRejected(
      () =>
        api.rest('POST', '/articles?draft=true', {
          body: articleData(fixture, { reporters: [fixture.reporters.kim, 987654] }),
          token: editor,
        }),
      'reporters',
    )
  })

  it('an unknown region id on update keeps the stored article unchanged', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
    })
    await expectRejected(
      () =>
        api.rest('PATCH', `/articles/${article.id}`, {
          body: { region: 987654, title: '바뀌면 안 됨' },
          token: editor,
        }),
      'region',
    )
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.title).toBe('테스트 기사')
  })

  it('an id of the wrong shape', async () => {
    await expectRejected(
      () =>
        api.rest('POST', '/articles?draft=true', {
          body: articleData(fixture, { section: 'not-an-id' }),
          token: editor,
        }),
      'section',
    )
  })

  it('a title over 300 characters', async () => {
    await expectRejected(
      () =>
        api.rest('POST', '/articles', {
          body: articleData(fixture, { title: '가'.repeat(301) }),
          token: editor,
        }),
      'title',
    )
  })

  it('unknown region codes', async () => {
    const before = (await payload.count({ collection: 'regions' })).totalDocs
    for (const code of ['9900000000', '12345', '3111010100']) {
      const { body, status } = await api.rest('POST', '/regions', {
        body: { code, name: '가짜', fullName: '가짜' },
        token: editor,
      })
      expect(status).toBe(400)
      expect(JSON.stringify(body)).toContain('code')
    }
    expect((await payload.count({ collection: 'regions' })).totalDocs).toBe(before)
  })

  it('the same mistakes over GraphQL', async () => {
    const before = await articleCount()
    const { body } = await api.graphql(
      `mutation { createArticle(data: { title: "x", section: 987654 }) { id } }`,
      undefined,
      editor,
    )
    expect(JSON.stringify(body.errors)).toContain('section')
    expect(await articleCount()).toBe(before)
  })
})

describe('bodies that are not a JSON object answer 400 and write nothing', () => {
  const send = async (method: string, path: string, body: string, contentType: string) => {
    const headers = { authorization: `JWT ${editor}`, 'content-type': contentType }
    const response = await handleEndpoints({
      config: payload.config,
      request: new Request(`http://localhost/api${path}`, { body, headers, method }),
    })
    return { body: await response.json(), status: response.status }
  }

  it.each([
    ['a JSON null', 'null', 'application/json'],
    ['a JSON array', '[{"title":"배열"}]', 'application/json'],
    ['a JSON number', '42', 'application/json'],
    ['a JSON string', '"제목"', 'application/json'],
    ['a form-encoded body', 'title=x&section=1', 'application/x-www-form-urlencoded'],
    ['a text body', '{"title":"x"}', 'text/plain'],
  ])('%s, on create and update', async (_name, body, contentType) => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
    })
    await expectRejected(() => send('POST', '/articles', body, contentType), 'JSON object')
    await expectRejected(
      () => send('PATCH', `/articles/${article.id}`, body, contentType),
      'JSON object',
    )
    await expectRejected(
      () => send('PATCH', `/articles?where[id][equals]=${article.id}`, body, contentType),
      'JSON object',
    )
    const before = (await payload.count({ collection: 'regions' })).totalDocs
    expect((await send('POST', '/regions', body, contentType)).status).toBe(400)
    expect((await payload.count({ collection: 'regions' })).totalDocs).toBe(before)
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.updatedAt).toBe(article.updatedAt)
  })
})

describe('ids that cannot exist answer 404, not 500', () => {
  it.each(['abc', '1.5', '99999999999999', '%00'])('/articles/%s', async (id) => {
    for (const method of ['GET', 'PATCH', 'DELETE']) {
      const { body, status } = await api.rest(
        method,
        `/articles/${id}`,
        method === 'PATCH' ? { body: { title: 'x' }, token: editor } : { token: editor },
      )
      expect(status, method).toBe(404)
      expect(body.errors[0].message).toEqual(expect.any(String))
    }
  })

  it('a where on such an id answers 400 (a number beyond PostgreSQL’s serial range matches nothing elsewhere)', async () => {
    for (const id of ['abc', '1.5'])
      expect((await api.rest('GET', `/articles?where[id][equals]=${id}`)).status, id).toBe(400)
    const { status } = await api.rest('GET', '/articles?where[id][in]=1,99999999999999')
    // Refused where the id cannot be that number: PostgreSQL's serial range, or string ids.
    expect(status).toBe(
      payload.db.name === 'postgres' || payload.db.defaultIDType !== 'number' ? 400 : 200,
    )
  })
})

describe('text with a NUL character answers 400 naming the field and stores nothing', () => {
  it.each([
    ['title', { title: '울산\u0000시청' }],
    ['subtitle', { subtitle: '부제\u0000' }],
    ['keywords', { keywords: ['정상', '널\u0000'] }],
    ['dateline', { dateline: '울산\u0000' }],
    [
      'body',
      {
        body: {
          root: {
            type: 'root',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            children: [
              {
                type: 'paragraph',
                version: 1,
                direction: null,
                format: '',
                indent: 0,
                children: [
                  {
                    type: 'text',
                    version: 1,
                    text: '본문\u0000',
                    detail: 0,
                    format: 0,
                    mode: 'normal',
                    style: '',
                  },
                ],
              },
            ],
          },
        },
      },
    ],
  ])('%s, published or draft', async (field, overrides) => {
    await expectRejected(
      () => api.rest('POST', '/articles', { body: articleData(fixture, overrides), token: editor }),
      field,
    )
    await expectRejected(
      () =>
        api.rest('POST', '/articles?draft=true', {
          body: articleData(fixture, overrides),
          token: editor,
        }),
      field,
    )
  })

  it('on update and over GraphQL', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
    })
    await expectRejected(
      () =>
        api.rest('PATCH', `/articles/${article.id}?draft=true`, {
          body: { title: '널\u0000' },
          token: editor,
        }),
      'title',
    )
    const before = await versionCount()
    const { body } = await api.graphql(
      `mutation ($id: ${graphQLIdType(payload)}!) { updateArticle(id: $id, data: { title: "널\\u0000" }) { id } }`,
      { id: article.id },
      editor,
    )
    expect(JSON.stringify(body.errors)).toContain('title')
    expect(await versionCount()).toBe(before)
    expect(
      (await payload.findByID({ collection: 'articles', id: article.id, draft: true })).title,
    ).toBe('테스트 기사')
  })

  it('in a where value', async () => {
    const { body, status } = await api.rest(
      'GET',
      `/articles?where[title][like]=${encodeURIComponent('가\u0000')}`,
    )
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toContain('title')
  })
})

describe('drafts respect maxLength', () => {
  it('a draft article with an over-long subtitle', async () => {
    await expectRejected(
      () =>
        api.rest('POST', '/articles?draft=true', {
          body: articleData(fixture, { subtitle: '가'.repeat(100_000) }),
          token: editor,
        }),
      'subtitle',
    )
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture) as never,
    })
    await expectRejected(
      () =>
        api.rest('PATCH', `/articles/${article.id}?draft=true&autosave=true`, {
          body: { subtitle: '가'.repeat(501) },
          token: editor,
        }),
      'subtitle',
    )
  })

  it('on any collection, nested fields included', async () => {
    const memoCount = async () => (await payload.count({ collection: 'memos' as never })).totalDocs
    for (const [data, field] of [
      [{ summary: '가'.repeat(21) }, 'summary'],
      [{ notes: [{ label: 'ok' }, { label: '너무 긴 라벨' }] }, 'notes.1.label'],
      [{ extra: { deep: [{ text: '\u0000' }] } }, 'extra'],
    ] as const) {
      const before = await memoCount()
      const { body, status } = await api.rest('POST', '/memos?draft=true', {
        body: data,
        token: editor,
      })
      expect(status, field).toBe(400)
      expect(body.errors[0].data.errors[0].path).toBe(field)
      expect(await memoCount()).toBe(before)
    }
    expect(
      (
        await api.rest('POST', '/memos?draft=true', {
          body: { summary: '가'.repeat(20), notes: [{ label: '다섯글자요' }] },
          token: editor,
        })
      ).status,
    ).toBe(201)
  })
})

describe('malformed queries answer 400', () => {
  it.each([
    ['an unknown field', 'where[nonexistent][equals]=x'],
    ['an unknown operator', 'where[title][explode]=x'],
    ['a date that is not a date', 'where[registeredAt][greater_than]=yesterday-ish'],
    ['a non-numeric id', 'where[section][equals]=abc'],
  ])('%s', async (_name, query) => {
    const { status, body } = await api.rest('GET', `/articles?${query}`)
    expect(status).toBe(400)
    expect(JSON.stringify(body)).toMatch(/errors/)
  })
})

describe('uploads', () => {
  it('accept a raster image, require alt text and make every size', async () => {
    const png = await sharp({
      create: { width: 1600, height: 1000, channels: 3, background: '#3366aa' },
    })
      .png()
      .toBuffer()
    const upload = (fields: Record<string, unknown>) => {
      const form = new FormData()
      form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), '울산.png')
      form.append('_payload', JSON.stringify(fields))
      return api.rest('POST', '/media', { formData: form, token: editor })
    }
    const withoutAlt = await upload({})
    expect(withoutAlt.status).toBe(400)
    expect(JSON.stringify(withoutAlt.body)).toContain('alt')
    const { body, status } = await upload({ alt: '울산시청 전경', credit: '울산시' })
    expect(status).toBe(201)
    expect(body.doc.sizes.og).toMatchObject({ width: 1200, height: 630 })
    expect(body.doc.sizes.thumbnail).toMatchObject({ width: 300, height: 200 })
    expect(body.doc.sizes.card).toMatchObject({ width: 640, height: 360 })
    await payload.delete({ collection: 'media', id: body.doc.id })
  })

  it('refuse a file that is not a raster image and keep nothing on disk', async () => {
    const mediaDir = path.join(dataDir(), 'media')
    const filesBefore = fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).length : 0
    for (const [name, type, content] of [
      ['notes.txt', 'text/plain', 'just text'],
      [
        'logo.svg',
        'image/svg+xml',
        '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
      ],
      ['fake.png', 'image/png', 'this is not a png'],
    ]) {
      const form = new FormData()
      form.append('file', new Blob([content], { type }), name)
      form.append('_payload', JSON.stringify({ alt: '설명' }))
      const { status, body } = await api.rest('POST', '/media', { formData: form, token: editor })
      expect(status, name).toBe(400)
      expect(JSON.stringify(body)).toMatch(/file|type/i)
    }
    expect((await payload.count({ collection: 'media' })).totalDocs).toBe(0)
    expect(fs.existsSync(mediaDir) ? fs.readdirSync(mediaDir).length : 0).toBe(filesBefore)
  })
})
