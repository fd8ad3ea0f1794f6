import type { Payload } from 'payload'

import fs from 'node:fs'
import sharp from 'sharp'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { dataDir } from '../../src/paths'
import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string

beforeAll(async () => {
  payload = await bootPayload('bad-input')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const articleCount = async () => (await payload.count({ collection: 'articles', overrideAccess: true })).totalDocs
const versionCount = async () => (await payload.countVersions({ collection: 'articles', overrideAccess: true })).totalDocs

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
    await expectRejected(() => api.rest('POST', '/articles', { body: articleData(fixture, { section: 987654 }), token: editor }), 'section')
  })

  it('unknown reporter ids, also on a draft save (drafts skip validation)', async () => {
    await expectRejected(
      () => api.rest('POST', '/articles?draft=true', { body: articleData(fixture, { reporters: [fixture.reporters.kim, 987654] }), token: editor }),
      'reporters',
    )
  })

  it('an unknown region id on update keeps the stored article unchanged', async () => {
    const article = await payload.create({ collection: 'articles', data: articleData(fixture) as never })
    await expectRejected(() => api.rest('PATCH', `/articles/${article.id}`, { body: { region: 987654, title: '바뀌면 안 됨' }, token: editor }), 'region')
    const stored = await payload.findByID({ collection: 'articles', id: article.id, draft: true })
    expect(stored.title).toBe('테스트 기사')
  })

  it('an id of the wrong shape', async () => {
    await expectRejected(() => api.rest('POST', '/articles?draft=true', { body: articleData(fixture, { section: 'not-an-id' }), token: editor }), 'section')
  })

  it('a title over 300 characters', async () => {
    await expectRejected(() => api.rest('POST', '/articles', { body: articleData(fixture, { title: '가'.repeat(301) }), token: editor }), 'title')
  })

  it('unknown region codes', async () => {
    const before = (await payload.count({ collection: 'regions' })).totalDocs
    for (const code of ['9900000000', '12345', '3111010100']) {
      const { body, status } = await api.rest('POST', '/regions', { body: { code, name: '가짜', fullName: '가짜' }, token: editor })
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
    const png = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: '#3366aa' } }).png().toBuffer()
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
      ['logo.svg', 'image/svg+xml', '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
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
