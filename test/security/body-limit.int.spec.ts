import type { Payload } from 'payload'

import sharp from 'sharp'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { AppRoutes } from './routes'

import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { appRoutes } from './routes'

// Small limits keep the bodies small; read when the config is built and the routes wrapped.
const JSON_LIMIT = 100_000
const UPLOAD_LIMIT = 200_000
vi.hoisted(() => {
  process.env.NEWSROOM_MAX_JSON_BODY = '100000'
  process.env.NEWSROOM_MAX_UPLOAD_BYTES = '200000'
})

let payload: Payload
let routes: AppRoutes
let editorToken: string

beforeAll(async () => {
  payload = await bootPayload('body-limit')
  await createNewsroom(payload)
  routes = appRoutes(payload)
  editorToken = await apiClient(payload).login(loginEmails().editor, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
})

const CHUNK = 16 * 1024

/** A body of `total` bytes handed out in 16 KB chunks on demand, counting what has been read of it. */
const countedBody = (total: number, fill = 0x20) => {
  const counter = { pulled: 0 }
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const size = Math.min(CHUNK, total - counter.pulled)
      if (size <= 0) return controller.close()
      counter.pulled += size
      controller.enqueue(new Uint8Array(size).fill(fill))
    },
  })
  return { counter, stream }
}

const request = (method: string, path: string, body: BodyInit, headers: Record<string, string>) =>
  new Request(`http://localhost/api${path}`, {
    body,
    duplex: 'half',
    headers,
    method,
  } as RequestInit)

const expectTooLarge = async (response: Response) => {
  expect(response.status).toBe(413)
  const body = await response.json()
  expect(body.errors[0].code).toBe('PAYLOAD_TOO_LARGE')
  expect(body.errors[0].message).toBeTruthy()
}

describe('a body declared larger than the limit', () => {
  it.each([
    ['POST', '/users/login'],
    ['POST', '/articles'],
    ['PATCH', '/articles/1'],
    ['PUT', '/articles/1'],
    ['DELETE', '/articles/1'],
  ])('is refused with 413 before a byte is read: REST %s %s', async (method, path) => {
    const { counter, stream } = countedBody(JSON_LIMIT + 1)
    await expectTooLarge(
      await routes.rest(
        request(method, path, stream, {
          'content-type': 'application/json',
          'content-length': String(JSON_LIMIT + 1),
        }),
      ),
    )
    expect(counter.pulled).toBe(0)
  })

  it('is refused with 413 before a byte is read: GraphQL POST', async () => {
    const { counter, stream } = countedBody(50 * 1024 * 1024)
    await expectTooLarge(
      await routes.graphqlPost(
        request('POST', '/graphql', stream, {
          'content-type': 'application/json',
          'content-length': String(50 * 1024 * 1024),
        }),
      ),
    )
    expect(counter.pulled).toBe(0)
  })

  it('is refused with 413 before a byte is read: a multipart upload over the upload limit plus the fields', async () => {
    const { counter, stream } = countedBody(UPLOAD_LIMIT + JSON_LIMIT + 1)
    const headers = {
      authorization: `JWT ${editorToken}`,
      'content-type': 'multipart/form-data; boundary=x',
      'content-length': String(UPLOAD_LIMIT + JSON_LIMIT + 1),
    }
    await expectTooLarge(await routes.rest(request('POST', '/media', stream, headers)))
    expect(counter.pulled).toBe(0)
  })
})

describe('a body without Content-Length (chunked)', () => {
  it('is read only up to the limit, then refused with 413: REST login', async () => {
    const { counter, stream } = countedBody(1024 * 1024)
    await expectTooLarge(
      await routes.rest(
        request('POST', '/users/login', stream, { 'content-type': 'application/json' }),
      ),
    )
    // What was read: the limit, the chunk that crossed it, at most one more fetched ahead.
    expect(counter.pulled).toBeLessThanOrEqual(JSON_LIMIT + 2 * CHUNK)
  })

  it('is read only up to the limit, then refused with 413: GraphQL POST', async () => {
    const { counter, stream } = countedBody(1024 * 1024)
    await expectTooLarge(
      await routes.graphqlPost(
        request('POST', '/graphql', stream, { 'content-type': 'application/json' }),
      ),
    )
    expect(counter.pulled).toBeLessThanOrEqual(JSON_LIMIT + 2 * CHUNK)
  })

  it('is read only up to the multipart limit, then refused with 413: an upload', async () => {
    const { counter, stream } = countedBody(2 * 1024 * 1024)
    const headers = {
      authorization: `JWT ${editorToken}`,
      'content-type': 'multipart/form-data; boundary=x',
    }
    await expectTooLarge(await routes.rest(request('POST', '/media', stream, headers)))
    expect(counter.pulled).toBeLessThanOrEqual(UPLOAD_LIMIT + JSON_LIMIT + 2 * CHUNK)
  })
})

describe('bodies within the limits', () => {
  const loginBody = () =>
    JSON.stringify({
      email: loginEmails().editor,
      password: PASSWORD,
      padding: 'x'.repeat(JSON_LIMIT - 200),
    })

  it('reach Payload whole, declared or chunked', async () => {
    const text = loginBody()
    const declared = await routes.rest(
      request('POST', '/users/login', text, {
        'content-type': 'application/json',
        'content-length': String(Buffer.byteLength(text)),
      }),
    )
    expect(declared.status).toBe(200)
    expect((await declared.json()).token).toBeTruthy()
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        const bytes = new TextEncoder().encode(text)
        for (let at = 0; at < bytes.length; at += CHUNK)
          controller.enqueue(bytes.slice(at, at + CHUNK))
        controller.close()
      },
    })
    const streamed = await routes.rest(
      request('POST', '/users/login', chunked, { 'content-type': 'application/json' }),
    )
    expect(streamed.status).toBe(200)
    expect((await streamed.json()).token).toBeTruthy()
  })

  it('an upload under the limit is stored; Payload is configured with the same file limit', async () => {
    expect(payload.config.upload.limits?.fileSize).toBe(UPLOAD_LIMIT)
    expect(payload.config.upload.requestSizeLimit).toBe(UPLOAD_LIMIT + JSON_LIMIT)
    const png = await sharp({
      create: { width: 16, height: 16, channels: 3, background: '#336699' },
    })
      .png()
      .toBuffer()
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: '작은 사진' }))
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'small.png')
    const response = await routes.rest(
      new Request('http://localhost/api/media', {
        body: form,
        headers: { authorization: `JWT ${editorToken}` },
        method: 'POST',
      }),
    )
    expect(response.status).toBe(201)
    expect((await response.json()).doc.alt).toBe('작은 사진')
  })

  it('a file over the upload limit but within the request limit is refused by Payload with 413', async () => {
    const noise = Buffer.alloc(260 * 260 * 3)
    for (let index = 0; index < noise.length; index++) noise[index] = (index * 2654435761) >>> 24
    const png = await sharp(noise, { raw: { width: 260, height: 260, channels: 3 } })
      .png({ compressionLevel: 0 })
      .toBuffer()
    expect(png.byteLength).toBeGreaterThan(UPLOAD_LIMIT)
    expect(png.byteLength).toBeLessThan(UPLOAD_LIMIT + JSON_LIMIT - 1000)
    const form = new FormData()
    form.append('_payload', JSON.stringify({ alt: '큰 사진' }))
    form.append('file', new Blob([new Uint8Array(png)], { type: 'image/png' }), 'large.png')
    const response = await routes.rest(
      new Request('http://localhost/api/media', {
        body: form,
        headers: { authorization: `JWT ${editorToken}` },
        method: 'POST',
      }),
    )
    expect(response.status).toBe(413)
    expect(
      (await payload.count({ collection: 'media', where: { alt: { equals: '큰 사진' } } }))
        .totalDocs,
    ).toBe(0)
  })
})
