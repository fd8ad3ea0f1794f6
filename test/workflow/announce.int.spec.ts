import type { IncomingHttpHeaders } from 'node:http'
import type { EmailAdapter, Payload, SendEmailOptions } from 'payload'

import http from 'node:http'
import { Webhook } from 'standardwebhooks'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

// The desk's moves, heard outside the admin: signed channel events for newsroom chat and emails to
// the people a move concerns, both from queued jobs.

type Received = { body: string; headers: IncomingHttpHeaders; path: string }
type ID = number | string

let payload: Payload
let fixture: NewsroomFixture
let api: ReturnType<typeof apiClient>
let receiver: http.Server
let base = ''
let received: Received[] = []
let respond: (path: string) => number = () => 200
const emails: SendEmailOptions[] = []
const tokens: Record<'admin' | 'editor' | 'kim' | 'park', string> = {
  admin: '',
  editor: '',
  kim: '',
  park: '',
}

/** Payload's documented email adapter interface, keeping what it is asked to send. */
const capturingEmailAdapter: EmailAdapter = () => ({
  name: 'capture',
  defaultFromAddress: 'desk@newsroom.example',
  defaultFromName: '뉴스룸',
  sendEmail: async (message) => {
    emails.push(message)
  },
})

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body, headers: request.headers, path: request.url ?? '' })
      response.writeHead(respond(request.url ?? '')).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(receiver.address() as { port: number }).port}`
  payload = await bootPayload('workflow-announce', {
    newsroom: { distribution: { retrySchedule: [300, 300] } },
    serverURL: 'https://cms.newsroom.example',
    configure: (config) => ({ ...config, email: capturingEmailAdapter }),
  })
  fixture = await createNewsroom(payload)
  api = apiClient(payload)
  for (const role of ['admin', 'editor', 'kim', 'park'] as const)
    tokens[role] = await api.login(loginEmails()[role], PASSWORD)
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})
beforeEach(async () => {
  received = []
  respond = () => 200
  emails.length = 0
  await payload.delete({ collection: 'distribution-channels', where: { id: { exists: true } } })
  await payload.delete({ collection: 'payload-jobs', where: { id: { exists: true } } })
})

const createChannel = async (path: string, events?: string[]) => {
  const { body, status } = await api.rest('POST', '/distribution-channels', {
    body: {
      name: path,
      url: `${base}${path}`,
      allowPrivateNetwork: true,
      ...(events ? { events } : {}),
    },
    token: tokens.admin,
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc as { events: string[]; id: ID; secret: string }
}

const draft = async (title: string, reporters: ID[] = [fixture.reporters.kim]): Promise<ID> => {
  const { body, status } = await api.rest('POST', '/articles?draft=true', {
    body: articleData(fixture, { title, reporters }),
    token: tokens.kim,
  })
  expect(status, JSON.stringify(body)).toBe(201)
  return body.doc.id
}

const move = async (id: ID, who: keyof typeof tokens, state: string, note?: string) => {
  const response = await api.rest('PATCH', `/articles/${id}?draft=true`, {
    body: { workflow: { state, ...(note === undefined ? {} : { note }) } },
    token: tokens[who],
  })
  return response
}

const moved = async (...args: Parameters<typeof move>) => {
  const response = await move(...args)
  expect(response.status, response.text).toBe(200)
}

/** Runs the due jobs, and the retries that fall due in the next second. */
const drain = async () => {
  for (let round = 0; round < 3; round++) {
    await payload.jobs.run({ limit: 100 })
    await new Promise((resolve) => setTimeout(resolve, 400))
  }
  await payload.jobs.run({ limit: 100 })
}

type Event = {
  data: Record<string, unknown> & { workflow?: Record<string, unknown> }
  timestamp: string
  type: string
}

const eventsAt = (path: string, secret: string): Event[] =>
  received
    .filter((message) => message.path === path)
    .map(
      (message) =>
        new Webhook(secret).verify(
          message.body,
          message.headers as Record<string, string>,
        ) as Event,
    )
    .sort((a, b) => a.timestamp.localeCompare(b.timestamp))

describe('channel events of the desk', () => {
  it('reach only the channels subscribed to them, signed, with the headline fields and the move', async () => {
    const desk = await createChannel('/desk', [
      'article.filed',
      'article.returned',
      'article.approved',
    ])
    // A channel made with the default events (the portals) hears no desk chatter.
    const portal = await createChannel('/portal')
    expect(portal.events).toEqual([
      'article.published',
      'article.updated',
      'article.unpublished',
      'article.deleted',
    ])

    const id = await draft('데스크를 거치는 기사')
    await moved(id, 'kim', 'filed')
    await moved(id, 'editor', 'inReview')
    await moved(id, 'editor', 'returned', '제목을 줄이세요')
    await moved(id, 'kim', 'filed')
    await moved(id, 'editor', 'approved')
    const published = await api.rest('PATCH', `/articles/${id}`, {
      body: { _status: 'published' },
      token: tokens.editor,
    })
    expect(published.status, published.text).toBe(200)
    await drain()

    const events = eventsAt('/desk', desk.secret)
    expect(events.map((event) => [event.type, event.data.workflow])).toEqual([
      ['article.filed', { from: 'writing', to: 'filed', note: null, by: loginEmails().kim }],
      [
        'article.returned',
        { from: 'inReview', to: 'returned', note: '제목을 줄이세요', by: loginEmails().editor },
      ],
      // The return's note is not repeated by the later moves.
      ['article.filed', { from: 'returned', to: 'filed', note: null, by: loginEmails().kim }],
      ['article.approved', { from: 'filed', to: 'approved', note: null, by: loginEmails().editor }],
    ])
    // The headline fields (summary shape): no body of a story still on the desk.
    expect(events[0]!.data).toMatchObject({
      id,
      title: '데스크를 거치는 기사',
      regionLabel: '울산시',
      byline: expect.stringContaining('김한수'),
    })
    expect(events[0]!.data).not.toHaveProperty('bodyHtml')
    expect(eventsAt('/portal', portal.secret).map((event) => event.type)).toEqual([
      'article.published',
    ])
    const deliveries = await payload.find({
      collection: 'webhook-deliveries',
      where: { channel: { equals: desk.id } },
      limit: 20,
    })
    expect(deliveries.docs.map((delivery) => delivery.event).sort()).toEqual([
      'article.approved',
      'article.filed',
      'article.filed',
      'article.returned',
    ])
  })

  it('never hold up or fail a move when the channel is down, and a refused move announces nothing', async () => {
    const desk = await createChannel('/down', ['article.filed', 'article.approved'])
    respond = () => 503
    const id = await draft('채널이 죽은 날')
    await moved(id, 'kim', 'filed')
    const refused = await move(id, 'kim', 'approved')
    expect(refused.status).toBe(403)
    await drain()
    const attempts = eventsAt('/down', desk.secret)
    expect(attempts.length).toBeGreaterThanOrEqual(2)
    expect(new Set(attempts.map((event) => event.type))).toEqual(new Set(['article.filed']))
    const state = await payload.findByID({ collection: 'articles', id, draft: true, depth: 0 })
    expect(state.workflow?.state).toBe('filed')
  })
})

describe('email notifications of the desk', () => {
  const toOf = (message: SendEmailOptions) =>
    (Array.isArray(message.to) ? message.to : [message.to]).map(String).sort()

  it('tell the desk of a filing and the byline’s reporters of a return and an approval, from a job', async () => {
    const id = await draft('알림 기사', [fixture.reporters.kim, fixture.reporters.park])
    await moved(id, 'kim', 'filed')
    // Nothing is sent inside the save.
    expect(emails).toEqual([])
    await drain()
    expect(emails).toHaveLength(1)
    expect(toOf(emails[0]!)).toEqual([loginEmails().admin, loginEmails().editor].sort())
    expect(emails[0]!.subject).toBe('[송고] 알림 기사')
    expect(emails[0]!.text).toContain('상태: 작성중 → 송고')
    expect(emails[0]!.text).toContain(`처리: ${loginEmails().kim}, `)
    expect(emails[0]!.text).toContain(
      `기사 열기: https://cms.newsroom.example/admin/collections/articles/${id}`,
    )

    emails.length = 0
    await moved(id, 'editor', 'returned', '사진 설명을 보강하세요')
    await drain()
    expect(emails).toHaveLength(1)
    expect(toOf(emails[0]!)).toEqual([loginEmails().kim, loginEmails().park].sort())
    expect(emails[0]!.subject).toBe('[반려] 알림 기사')
    expect(emails[0]!.text).toContain('메모: 사진 설명을 보강하세요')
    expect(emails[0]!.html).toContain('사진 설명을 보강하세요')

    // An inactive reporter (left the newsroom) is no longer told.
    await payload.update({
      collection: 'reporters',
      id: fixture.reporters.park,
      data: { active: false },
    })
    try {
      emails.length = 0
      await moved(id, 'kim', 'filed')
      await moved(id, 'editor', 'approved')
      await drain()
      const approval = emails.find((message) => message.subject === '[승인] 알림 기사')
      expect(approval, JSON.stringify(emails.map((message) => message.subject))).toBeDefined()
      expect(toOf(approval!)).toEqual([loginEmails().kim])
    } finally {
      await payload.update({
        collection: 'reporters',
        id: fixture.reporters.park,
        data: { active: true },
      })
    }
  })

  it('leave the mover out, and send nothing for moves nobody waits on', async () => {
    // The desk files a story it wrote: the rest of the desk hears of it, not the editor who filed.
    const { body } = await api.rest('POST', '/articles?draft=true', {
      body: articleData(fixture, { title: '데스크가 쓴 기사' }),
      token: tokens.editor,
    })
    await moved(body.doc.id, 'editor', 'filed')
    await moved(body.doc.id, 'editor', 'inReview')
    await drain()
    expect(emails.map((message) => [message.subject, toOf(message)])).toEqual([
      ['[송고] 데스크가 쓴 기사', [loginEmails().admin]],
    ])
  })
})
