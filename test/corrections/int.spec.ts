import type { Payload } from 'payload'

import http from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { graphQLIdType } from '../helpers/ids'
import { articleData, createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'

let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture
let editor: string
let kim: string
const received: { body: string }[] = []
let receiver: http.Server

beforeAll(async () => {
  receiver = http.createServer((request, response) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk))
    request.on('end', () => {
      received.push({ body })
      response.writeHead(200).end('ok')
    })
  })
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve))
  payload = await bootPayload('corrections')
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
  const channel = await api.rest('POST', '/distribution-channels', {
    body: {
      name: '정정 알림',
      url: `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`,
      allowPrivateNetwork: true,
      events: ['article.corrected'],
    },
    token: await api.login(loginEmails().admin, PASSWORD),
  })
  expect(channel.status).toBe(201)
})
afterAll(async () => {
  await payload?.destroy()
  receiver?.close()
})

const publishedStory = async (title: string) =>
  payload.create({
    collection: 'articles',
    data: articleData(fixture, { title, _status: 'published' }) as never,
  })

type Correction = { editor: string; id: string; kind: string; publishedAt: string; text: string }

describe('corrections on a story', () => {
  it('are published with the story on REST, GraphQL and jsonLd, stamped, and move 수정 time', async () => {
    const story = await publishedStory('정정 대상 기사')
    const before = await payload.findByID({ collection: 'articles', id: story.id })
    await new Promise((resolve) => setTimeout(resolve, 20))
    const answer = await api.rest('PATCH', `/articles/${story.id}`, {
      body: { corrections: [{ kind: 'correction', text: '2면 기사의 인원수를 바로잡습니다.' }] },
      token: editor,
    })
    expect(answer.status, JSON.stringify(answer.body)).toBe(200)

    const read = await api.rest('GET', `/articles/${story.id}`)
    const [entry] = read.body.corrections as Correction[]
    expect(entry).toMatchObject({ kind: 'correction', text: '2면 기사의 인원수를 바로잡습니다.' })
    expect(entry!.editor).toBe(loginEmails().editor)
    expect(Date.now() - new Date(entry!.publishedAt).getTime()).toBeLessThan(60_000)
    // Readers get whole seconds in Korea time (+09:00); the stored instant has the milliseconds.
    expect(read.body.revisedAt).toMatch(/\+09:00$/)
    const after = await payload.findByID({ collection: 'articles', id: story.id })
    expect(new Date(after.revisedAt as string).getTime()).toBeGreaterThan(
      new Date((before.revisedAt ?? before.registeredAt) as string).getTime(),
    )
    expect(
      Math.abs(Date.parse(read.body.revisedAt) - Date.parse(after.revisedAt as string)),
    ).toBeLessThan(1000)
    expect(read.body.jsonLd.correction).toEqual([
      expect.objectContaining({
        '@type': 'CorrectionComment',
        text: '2면 기사의 인원수를 바로잡습니다.',
      }),
    ])
    // Channels that subscribe hear of it once, with the new entry.
    await payload.jobs.run({ limit: 100 })
    const corrected = received
      .map((message) => JSON.parse(message.body))
      .filter((message) => message.data.id === story.id)
    expect(corrected.map((message) => message.type)).toEqual(['article.corrected'])
    expect(corrected[0].data.corrections).toEqual([
      expect.objectContaining({ kind: 'correction', text: '2면 기사의 인원수를 바로잡습니다.' }),
    ])
    const graphql = await api.graphql(
      `query ($id: ${graphQLIdType(payload)}!) { Article(id: $id) { corrections { kind text } } }`,
      { id: story.id },
    )
    expect(graphql.body.data.Article.corrections).toEqual([
      { kind: 'correction', text: '2면 기사의 인원수를 바로잡습니다.' },
    ])
  })

  it('are append-only: removing or rewording one is refused (400) and changes nothing', async () => {
    const story = await publishedStory('기록 보존')
    await api.rest('PATCH', `/articles/${story.id}`, {
      body: { corrections: [{ kind: 'rebuttal', text: '반론보도문' }] },
      token: editor,
    })
    const [saved] = (await payload.findByID({ collection: 'articles', id: story.id }))
      .corrections as Correction[]
    for (const corrections of [[], [{ ...saved, text: '몰래 고친 반론보도문' }]]) {
      const answer = await api.rest('PATCH', `/articles/${story.id}`, {
        body: { corrections },
        token: editor,
      })
      expect(answer.status).toBe(400)
      expect(answer.body.errors[0].message).toContain('정정')
    }
    const stored = await payload.findByID({ collection: 'articles', id: story.id })
    expect((stored.corrections as Correction[]).map((entry) => entry.text)).toEqual(['반론보도문'])
    // Adding one keeps the first.
    const added = await api.rest('PATCH', `/articles/${story.id}`, {
      body: { corrections: [saved, { kind: 'followUp', text: '추후보도문' }] },
      token: editor,
    })
    expect(added.status).toBe(200)
    expect((added.body.doc.corrections as Correction[]).map((entry) => entry.kind)).toEqual([
      'rebuttal',
      'followUp',
    ])
  })

  it('are added by the desk only', async () => {
    const story = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '기자 초안' }) as never,
      draft: true,
    })
    const answer = await api.rest('PATCH', `/articles/${story.id}?draft=true`, {
      body: { corrections: [{ kind: 'update', text: '기자가 쓴 정정' }] },
      token: kim,
    })
    expect(answer.status).toBe(403)
  })
})

describe('correction requests (언론중재법)', () => {
  it('carry their 3- and 7-day deadlines and list open ones by the nearest, overdue flagged', async () => {
    const story = await publishedStory('청구 대상')
    const day = 24 * 60 * 60 * 1000
    const file = async (requester: string, receivedAt: Date, status = 'received') => {
      const { body, status: code } = await api.rest('POST', '/correction-requests', {
        body: {
          kind: 'correction',
          requester,
          article: story.id,
          claim: '사실과 다릅니다.',
          receivedAt: receivedAt.toISOString(),
          status,
          // Ignored: the deadlines come from the law, not from the form.
          answerDueAt: new Date(Date.now() + 100 * day).toISOString(),
        },
        token: editor,
      })
      expect(code, JSON.stringify(body)).toBe(201)
      return body.doc as { answerDueAt: string; publishDueAt: string }
    }
    const old = await file('오래된 청구', new Date(Date.now() - 5 * day))
    const fresh = await file('새 청구', new Date(Date.now() - day))
    await file('끝난 청구', new Date(Date.now() - 2 * day), 'published')
    expect(new Date(fresh.answerDueAt).getTime() - Date.now()).toBeGreaterThan(1.9 * day)
    expect(new Date(fresh.publishDueAt).getTime() - new Date(fresh.answerDueAt).getTime()).toBe(
      4 * day,
    )

    const open = await api.rest('GET', '/correction-requests/open', { token: editor })
    expect(open.status).toBe(200)
    expect(
      (open.body.docs as { isOverdue: boolean; requester: string }[]).map((doc) => [
        doc.requester,
        doc.isOverdue,
      ]),
    ).toEqual([
      ['오래된 청구', true],
      ['새 청구', false],
    ])
    expect(old.answerDueAt < fresh.answerDueAt).toBe(true)
    // Reporters and readers see none of it.
    expect((await api.rest('GET', '/correction-requests/open', { token: kim })).status).toBe(403)
    expect((await api.rest('GET', '/correction-requests')).status).toBe(403)
  })
})
