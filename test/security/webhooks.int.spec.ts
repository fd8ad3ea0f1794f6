import type { IncomingHttpHeaders } from 'node:http'
import type { Payload } from 'payload'

import crypto from 'node:crypto'
import http from 'node:http'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

type Received = { body: string; headers: IncomingHttpHeaders; path: string }
type FieldError = { message: string; path: string }

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let admin: string
let received: Received[] = []
let receiver: http.Server
let base = ''
let port = 0

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, headers: request.headers, path: request.url ?? '' })
      response.writeHead(200).end('ok')
    })
  })
  // Idle connections stay open for the whole suite: a reused socket must not depend on timing.
  receiver.keepAliveTimeout = 120_000
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  port = (receiver.address() as { port: number }).port
  base = `http://127.0.0.1:${port}`
  payload = await bootPayload('security-webhooks', {
    newsroom: { distribution: { retrySchedule: [300, 300] } },
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  admin = await api.login(loginEmails().admin, PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})
beforeEach(async () => {
  received = []
  await payload.delete({ collection: 'distribution-channels', where: { id: { exists: true } } })
  await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
  await payload.delete({ collection: 'webhook-deliveries', where: { id: { exists: true } } })
})

const postChannel = (fields: Record<string, unknown>) =>
  api.rest('POST', '/distribution-channels', {
    body: { name: '수신기', url: `${base}/hook`, allowPrivateNetwork: true, ...fields },
    token: admin,
  })

const createChannel = async (fields: Record<string, unknown> = {}) => {
  const { body, status, text } = await postChannel(fields)
  expect(status, text).toBe(201)
  return body.doc as { id: number | string; secret: string }
}

/** The fields a 400 names, with their messages. */
const fieldErrors = (body: { errors?: { data?: { errors?: FieldError[] } }[] }): FieldError[] =>
  body.errors?.flatMap((error) => error.data?.errors ?? []) ?? []

const publish = (title: string) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { _status: 'published', title }) as never,
  })

const drain = () => payload.jobs.run({ limit: 100 })

/** An array row id, as Payload generates them: written past Payload, a row needs one. */
const rowId = () => crypto.randomBytes(12).toString('hex')

const deliveries = async () =>
  (await payload.find({ collection: 'webhook-deliveries', sort: 'attempt', limit: 100 })).docs

describe('channel headers are checked when a channel is saved', () => {
  it.each([
    ['CR LF (header injection)', 'token\r\nX-Injected: 1'],
    ['a bare LF', 'token\nX-Injected: 1'],
    ['a bare CR', 'token\rmore'],
    ['NUL', 'token\u0000'],
    ['another control character', 'token\u001b[31m'],
    ['DEL', 'token\u007f'],
    ['non-ASCII text', '토큰'],
  ])('refuses a value with %s: 400 naming the field', async (_name, value) => {
    const { body, status } = await postChannel({ headers: [{ name: 'Authorization', value }] })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['headers.0.value'])
    // NUL is refused earlier, for every text field, by plugins/input-guards: its own message.
    expect(fieldErrors(body)[0]!.message).toMatch(/control characters|NUL character/)
  })

  it.each([
    ['a space', 'X Token'],
    ['a colon', 'X-Token:'],
    ['a CR LF', 'X-Token\r\nX-Injected'],
    ['a non-ASCII letter', 'X-토큰'],
    ['nothing', ''],
  ])('refuses a name with %s: 400 naming the field', async (_name, name) => {
    const { body, status } = await postChannel({ headers: [{ name, value: 'secret' }] })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['headers.0.name'])
  })

  it.each([
    'webhook-signature',
    'Webhook-Id',
    'webhook-timestamp',
    'Content-Type',
    'content-length',
    'Host',
    'Transfer-Encoding',
    'Connection',
  ])('refuses overriding the header %s the delivery sets itself', async (name) => {
    const { body, status } = await postChannel({
      headers: [
        { name: 'X-Ok', value: 'fine' },
        { name, value: 'v1,forged' },
      ],
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['headers.1.name'])
  })

  it('refuses the same header twice, in any case', async () => {
    const { body, status } = await postChannel({
      headers: [
        { name: 'X-Token', value: 'a' },
        { name: 'x-token', value: 'b' },
      ],
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['headers'])
  })

  it('refuses a bad header on update too, and keeps the stored headers', async () => {
    const channel = await createChannel({ headers: [{ name: 'X-Token', value: 'first' }] })
    const { body, status } = await api.rest('PATCH', `/distribution-channels/${channel.id}`, {
      body: { headers: [{ name: 'X-Token', value: 'first\r\nX-Injected: 1' }] },
      token: admin,
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['headers.0.value'])
    const stored = await payload.findByID({
      collection: 'distribution-channels',
      id: channel.id,
      depth: 0,
    })
    expect(stored.headers?.map((header) => [header.name, header.value])).toEqual([
      ['X-Token', 'first'],
    ])
  })

  it('sends valid custom headers on every delivery, and the signature headers stay the delivery’s own', async () => {
    const channel = await createChannel({
      sections: [fixture.sections.news],
      headers: [
        { name: 'Authorization', value: 'Bearer abc.def\t~!' },
        { name: 'X-Portal-Key', value: 'k-123' },
      ],
    })
    await publish('헤더 기사')
    await drain()
    // The channel's health written after the first delivery leaves its headers and filters as they were.
    await publish('두 번째 헤더 기사')
    await drain()
    expect(received).toHaveLength(2)
    for (const message of received) {
      expect(message.headers).toMatchObject({
        authorization: 'Bearer abc.def\t~!',
        'x-portal-key': 'k-123',
        'content-type': 'application/json',
      })
      expect(message.headers['webhook-signature']).toMatch(/^v1,/)
    }
    const stored = await payload.findByID({
      collection: 'distribution-channels',
      id: channel.id,
      depth: 0,
    })
    expect(stored).toMatchObject({ lastStatus: 'succeeded', sections: [fixture.sections.news] })
    expect(stored.headers).toHaveLength(2)
  })
})

describe('a delivery whose request cannot be built ends failed, not pending', () => {
  it.each([
    [
      'a header value with CR LF',
      { headers: [{ id: rowId(), name: 'X-Token', value: 'a\r\nX-Injected: 1' }] },
    ],
    ['a header name with a space', { headers: [{ id: rowId(), name: 'X Token', value: 'a' }] }],
    [
      'a header overriding the signature',
      { headers: [{ id: rowId(), name: 'webhook-signature', value: 'v1,forged' }] },
    ],
    ['a URL that is no URL', { url: 'not a url' }],
  ])('%s stored before the rules applied', async (_name, stored) => {
    const channel = await createChannel()
    // Written past validation, as rows saved before this check exist in databases.
    await payload.db.updateOne({
      collection: 'distribution-channels',
      id: channel.id,
      data: stored,
    })
    await publish('보낼 수 없는 기사')
    await drain()
    expect(received).toHaveLength(0)
    const rows = await deliveries()
    expect(rows.map((row) => row.status)).toEqual(['failed'])
    expect(rows[0]!.error).toMatch(/request could not be built/)
    expect(
      await payload.findByID({ collection: 'distribution-channels', id: channel.id }),
    ).toMatchObject({ lastStatus: 'failed' })
  })
})

describe('the SSRF guard', () => {
  it.each([
    'http://[64:ff9b::7f00:1]/hook',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
    'http://[::ffff:7f00:1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::7f00:1]/hook',
    'http://[::ffff:0:7f00:1]/hook',
    'http://[2002:7f00:1::1]/hook',
    'http://[2001:0:4136:e378:8000:63bf:80ff:fffe]/hook',
    'http://[fec0::1]/hook',
    'http://[fd00::1]/hook',
    'http://[::]/hook',
    'http://[::1]/hook',
    'http://2130706433/hook',
    'http://0x7f.1/hook',
    'http://017700000001/hook',
    'http://127.0.0.1./hook',
    'http://0/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://100.64.0.1/hook',
  ])('refuses %s at save unless the channel allows private networks', async (url) => {
    const { body, status } = await postChannel({ url, allowPrivateNetwork: false })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['url'])
    expect(fieldErrors(body)[0]!.message).toMatch(/private or loopback/)
    expect((await postChannel({ url, allowPrivateNetwork: true })).status).toBe(201)
  })

  it('refuses to turn allowPrivateNetwork off while the URL is a private address', async () => {
    const channel = await createChannel({ url: 'http://[::ffff:7f00:1]/hook' })
    const { body, status } = await api.rest('PATCH', `/distribution-channels/${channel.id}`, {
      body: { allowPrivateNetwork: false },
      token: admin,
    })
    expect(status).toBe(400)
    expect(fieldErrors(body).map((error) => error.path)).toEqual(['url'])
  })

  it.each([
    'http://[64:ff9b::808:808]/hook',
    'http://[2606:4700::1111]/hook',
    'http://8.8.8.8/hook',
    'https://hooks.example.com/newsroom',
  ])('accepts the public address %s', async (url) => {
    expect((await postChannel({ url, allowPrivateNetwork: false })).status).toBe(201)
  })

  it.each([
    ['a NAT64 address of loopback', `http://[64:ff9b::7f00:1]:${0}/hook`],
    ['a hex IPv4-mapped loopback', `http://[::ffff:7f00:1]:${0}/hook`],
    ['a 6to4 address of loopback', `http://[2002:7f00:1::1]:${0}/hook`],
    ['a name resolving to loopback', 'http://localhost:PORT/hook'],
  ])('refuses %s at delivery, and the receiver hears nothing', async (_name, url) => {
    const channel = await createChannel()
    // Stored past validation (a row saved before this check), or a name only known at delivery.
    await payload.db.updateOne({
      collection: 'distribution-channels',
      id: channel.id,
      data: { url: url.replace(/:0\/|:PORT\//, `:${port}/`), allowPrivateNetwork: false },
    })
    await publish('SSRF 기사')
    await drain()
    expect(received).toHaveLength(0)
    const rows = await deliveries()
    expect(rows.map((row) => row.status)).toEqual(['refused'])
    expect(rows[0]!.error).toMatch(/private or loopback/)
  })
})

describe('the SSRF guard at connect time', () => {
  it('a kept-alive connection that a private-network channel opened never carries a guarded delivery', async () => {
    const trusted = await createChannel({ name: '사내망', url: `http://localhost:${port}/trusted` })
    await publish('사내망 기사')
    await drain()
    expect(received.map((message) => message.path)).toEqual(['/trusted'])
    await payload.update({
      collection: 'distribution-channels',
      id: trusted.id,
      data: { active: false },
    })
    // The same host and port, now behind the guard: the name resolves to loopback, whatever socket is pooled for it.
    await createChannel({
      name: '외부',
      url: `http://localhost:${port}/guarded`,
      allowPrivateNetwork: false,
    })
    await publish('외부 기사')
    await drain()
    expect(received.map((message) => message.path)).toEqual(['/trusted'])
    const guarded = (await deliveries()).filter(
      (row) => row.status !== 'succeeded' && row.error !== 'channel is inactive',
    )
    expect(guarded.map((row) => [row.status, row.error])).toEqual([
      ['refused', expect.stringMatching(/private or loopback/)],
    ])
  })
})

describe('delivery rows are the audit trail: only the system writes them', () => {
  const oneDelivery = async () => {
    await createChannel()
    await publish('기록 기사')
    await drain()
    const rows = await deliveries()
    expect(rows).toHaveLength(1)
    return rows[0]!
  }

  it('an admin cannot delete a delivery row, one by one or in bulk, over REST or GraphQL', async () => {
    const row = await oneDelivery()
    expect(
      (await api.rest('DELETE', `/webhook-deliveries/${row.id}`, { token: admin })).status,
    ).toBe(403)
    const bulk = await api.rest('DELETE', `/webhook-deliveries?where[id][equals]=${row.id}`, {
      token: admin,
    })
    expect(bulk.status).toBe(403)
    const graphql = await api.graphql(
      `mutation { deleteWebhookDelivery(id: ${JSON.stringify(row.id)}) { id } }`,
      undefined,
      admin,
    )
    expect(graphql.body.errors?.[0]?.extensions?.statusCode).toBe(403)
    expect(graphql.body.data?.deleteWebhookDelivery).toBeNull()
    expect(await payload.findByID({ collection: 'webhook-deliveries', id: row.id })).toMatchObject({
      status: 'succeeded',
    })
  })

  it('an admin cannot create or change a delivery row', async () => {
    const row = await oneDelivery()
    const created = await api.rest('POST', '/webhook-deliveries', {
      body: { webhookId: 'msg_forged', attempt: 1, status: 'succeeded' },
      token: admin,
    })
    expect(created.status).toBe(403)
    const updated = await api.rest('PATCH', `/webhook-deliveries/${row.id}`, {
      body: { status: 'failed', error: 'rewritten' },
      token: admin,
    })
    expect(updated.status).toBe(403)
    expect(await payload.findByID({ collection: 'webhook-deliveries', id: row.id })).toMatchObject({
      status: 'succeeded',
      webhookId: row.webhookId,
    })
    expect((await payload.count({ collection: 'webhook-deliveries' })).totalDocs).toBe(1)
  })
})
