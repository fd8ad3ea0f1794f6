import type { CollectionConfig, EmailAdapter, Payload, SendEmailOptions } from 'payload'

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { missingId } from '../helpers/ids'
import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

/** A stand-in for the readers' auth collection (another plugin's), only for these tests. */
const testReaders: CollectionConfig = {
  slug: 'readers',
  auth: true,
  access: { read: ({ req }) => (req.user ? { id: { equals: req.user.id } } : false) },
  fields: [],
}

const emails: SendEmailOptions[] = []
let mailDown = false

/** Payload's email adapter interface, keeping what it is asked to send (or failing, when down). */
const capturingEmailAdapter: EmailAdapter = () => ({
  name: 'capture',
  defaultFromAddress: 'desk@newsroom.example',
  defaultFromName: '뉴스룸',
  sendEmail: async (message) => {
    if (mailDown) throw new Error('SMTP 연결 실패')
    emails.push(message)
  },
})

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
const tokens: Record<'admin' | 'editor' | 'kim' | 'park' | 'reader' | 'otherReader', string> = {
  admin: '',
  editor: '',
  kim: '',
  park: '',
  reader: '',
  otherReader: '',
}
let address = 0
const newAddress = () => `203.0.113.${++address}`

const valid = (overrides: Record<string, unknown> = {}) => ({
  name: '홍길동',
  email: 'reader@example.org',
  phone: '010-1234-5678',
  subject: '기사 관련 문의',
  message: '기사 내용에 대해 여쭙니다.',
  ...overrides,
})

const send = (
  body: Record<string, unknown>,
  { from = newAddress(), token }: { from?: string; token?: string } = {},
) => api.rest('POST', '/inquiries', { body, token, headers: { 'x-forwarded-for': from } })

beforeAll(async () => {
  payload = await bootPayload('inquiries', {
    newsroom: { inquiries: { perClient: { points: 3, durationSeconds: 600 } } },
    serverURL: 'https://cms.newsroom.example',
    configure: (config) => ({
      ...config,
      email: capturingEmailAdapter,
      collections: [...(config.collections ?? []), testReaders],
    }),
  })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  await payload.create({
    collection: 'users',
    data: {
      email: 'retired-editor@example.com',
      password: PASSWORD,
      roles: ['editor'],
      active: false,
    } as never,
  })
  for (const role of ['admin', 'editor', 'kim', 'park'] as const)
    tokens[role] = await api.login(loginEmails()[role], PASSWORD)
  for (const [key, email] of [
    ['reader', 'reader1@example.com'],
    ['otherReader', 'reader2@example.com'],
  ] as const) {
    await payload.create({
      collection: 'readers' as never,
      data: { email, password: PASSWORD } as never,
    })
    tokens[key] = (
      await payload.login({
        collection: 'readers' as never,
        data: { email, password: PASSWORD } as never,
      })
    ).token!
  }
})
afterAll(async () => {
  await payload?.destroy()
})
beforeEach(() => {
  emails.length = 0
  mailDown = false
})

const recipients = (message: SendEmailOptions) =>
  (Array.isArray(message.to) ? message.to : [message.to]).map(String).sort()

describe('sending an inquiry', () => {
  it('stores it and emails the reporter and the active editors from a job', async () => {
    const sent = await send(
      valid({ to: 'reporter', reporter: fixture.reporters.kim, status: 'closed', answer: '가짜' }),
    )
    expect(sent.status, JSON.stringify(sent.body)).toBe(201)
    expect(sent.body.doc.status).toBe('new')
    expect(sent.body.doc.answer).toBeUndefined()
    // Nothing is sent inside the request.
    expect(emails).toHaveLength(0)
    await payload.jobs.run({ limit: 100 })
    const mine = emails.filter((message) => String(message.subject).includes('기사 관련 문의'))
    expect(mine).toHaveLength(1)
    expect(recipients(mine[0]!)).toEqual(['editor@example.com', 'kim@example.com'])
    expect(mine[0]!.replyTo).toBe('reader@example.org')
    expect(String(mine[0]!.text)).toContain('기사 내용에 대해 여쭙니다.')
    expect(String(mine[0]!.text)).toContain(
      `https://cms.newsroom.example/admin/collections/inquiries/${sent.body.doc.id}`,
    )

    const toDesk = await send(valid({ subject: '데스크 문의' }))
    expect(toDesk.status).toBe(201)
    await payload.jobs.run({ limit: 100 })
    const desk = emails.find((message) => String(message.subject).includes('데스크 문의'))
    expect(recipients(desk!)).toEqual(['editor@example.com'])
  })

  it('loses nothing while the mail server is down: the job is retried', async () => {
    mailDown = true
    const sent = await send(valid({ subject: '메일 장애 중 문의' }))
    expect(sent.status).toBe(201)
    await payload.jobs.run({ limit: 100 })
    expect(emails).toHaveLength(0)
    const stored = await payload.findByID({
      collection: 'inquiries' as never,
      id: sent.body.doc.id,
    })
    expect((stored as unknown as { notifiedAt?: string }).notifiedAt ?? null).toBeNull()
    mailDown = false
    await payload.jobs.run({ limit: 100 })
    expect(
      emails.filter((message) => String(message.subject).includes('메일 장애 중 문의')),
    ).toHaveLength(1)
    await payload.jobs.run({ limit: 100 })
    expect(emails).toHaveLength(1)
  })

  it('refuses a filled honeypot, overlong or missing fields and an unknown reporter, in Korean', async () => {
    const before = (await payload.count({ collection: 'inquiries' as never })).totalDocs
    const trap = await send(valid({ website: 'http://spam.example' }), {})
    expect(trap.status).toBe(400)
    expect(trap.body.errors[0].code).toBe('VALIDATION')
    expect(trap.body.errors[0].message).toMatch(/접수하지 않았습니다/)
    const long = await send(valid({ message: '가'.repeat(5001) }))
    expect(long.status).toBe(400)
    expect(long.body.errors[0].code).toBe('VALIDATION')
    const missing = await send(valid({ name: '' }))
    expect(missing.status).toBe(400)
    const badEmail = await send(valid({ email: 'not-an-email' }))
    expect(badEmail.status).toBe(400)
    const nobody = await send(
      valid({
        to: 'reporter',
        reporter: missingId(payload),
      }),
    )
    expect(nobody.status).toBe(404)
    expect((await payload.count({ collection: 'inquiries' as never })).totalDocs).toBe(before)
  })

  it('limits inquiries per address with 429 and Retry-After', async () => {
    const from = newAddress()
    for (let n = 0; n < 3; n++) expect((await send(valid(), { from })).status).toBe(201)
    const over = await send(valid(), { from })
    expect(over.status).toBe(429)
    expect(over.body.errors[0].code).toBe('RATE_LIMITED')
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('who sees and answers inquiries', () => {
  it('anonymous readers list none; reporters see those addressed to them; editors all', async () => {
    const toKim = await send(valid({ to: 'reporter', reporter: fixture.reporters.kim }))
    const toPark = await send(valid({ to: 'reporter', reporter: fixture.reporters.park }))
    expect(toKim.status).toBe(201)
    expect(toPark.status).toBe(201)

    expect((await api.rest('GET', '/inquiries')).status).toBe(403)
    const graphql = await api.graphql('{ Inquiries { docs { id email message } } }')
    expect(graphql.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')

    const kim = await api.rest('GET', '/inquiries?limit=100', { token: tokens.kim })
    expect(kim.status).toBe(200)
    const kimIds = kim.body.docs.map((doc: { id: unknown }) => doc.id)
    expect(kimIds).toContain(toKim.body.doc.id)
    expect(kimIds).not.toContain(toPark.body.doc.id)
    expect(
      (await api.rest('GET', `/inquiries/${toPark.body.doc.id}`, { token: tokens.kim })).status,
    ).toBe(404)

    const editor = await api.rest('GET', '/inquiries?limit=100', { token: tokens.editor })
    const editorIds = editor.body.docs.map((doc: { id: unknown }) => doc.id)
    expect(editorIds).toEqual(expect.arrayContaining([toKim.body.doc.id, toPark.body.doc.id]))
  })

  it('lets the addressed reporter answer (stamped), not another reporter, nor a reader', async () => {
    const toKim = await send(valid({ to: 'reporter', reporter: fixture.reporters.kim }), {
      token: tokens.reader,
    })
    expect(toKim.status, JSON.stringify(toKim.body)).toBe(201)

    const park = await api.rest('PATCH', `/inquiries/${toKim.body.doc.id}`, {
      body: { answer: '제가 답합니다' },
      token: tokens.park,
    })
    expect([403, 404]).toContain(park.status)

    // The reader who sent it reads it, but cannot answer it or change its status.
    const own = await api.rest('GET', `/inquiries/${toKim.body.doc.id}`, { token: tokens.reader })
    expect(own.status).toBe(200)
    expect(
      (await api.rest('GET', `/inquiries/${toKim.body.doc.id}`, { token: tokens.otherReader }))
        .status,
    ).toBe(404)
    const readerChange = await api.rest('PATCH', `/inquiries/${toKim.body.doc.id}`, {
      body: { status: 'closed' },
      token: tokens.reader,
    })
    expect(readerChange.status).toBe(403)

    const answered = await api.rest('PATCH', `/inquiries/${toKim.body.doc.id}`, {
      body: { answer: '문의 감사합니다. 기사를 보완했습니다.' },
      token: tokens.kim,
    })
    expect(answered.status, JSON.stringify(answered.body)).toBe(200)
    expect(answered.body.doc.status).toBe('answered')
    expect(answered.body.doc.answeredBy.id ?? answered.body.doc.answeredBy).toBe(fixture.users.kim)
    const stored = (await payload.findByID({
      collection: 'inquiries' as never,
      id: toKim.body.doc.id,
    })) as unknown as { answer: string; status: string }
    expect(stored.status).toBe('answered')
  })
})
