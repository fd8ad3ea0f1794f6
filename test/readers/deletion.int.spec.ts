import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import type { NewsroomFixture } from '../helpers/newsroom'

import { apiClient } from '../helpers/http'
import { articleData, createNewsroom } from '../helpers/newsroom'
import { captureEmails } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { countOf, signUpReader } from './readerHelpers'

// "Delete my account" across the reader plugins: votes, reports and inquiries register their
// clean-up with the readers plugin (addReaderDeletionListener).
const outbox = captureEmails()
let payload: Payload
let api: ReturnType<typeof apiClient>
let fixture: NewsroomFixture

beforeAll(async () => {
  payload = await bootPayload('readers-deletion', { email: outbox.adapter })
  api = apiClient(payload)
  fixture = await createNewsroom(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

type Reader = { id: number | string; token: string }

const vote = async ({ token }: Reader, articleId: number | string) => {
  const answer = await api.rest('POST', `/articles/${articleId}/vote`, {
    token,
    body: { value: 1 },
  })
  expect(answer.status, answer.text).toBe(200)
}

const report = async ({ token }: Reader, articleId: number | string) => {
  const answer = await api.rest('POST', '/reports', {
    token,
    body: { article: articleId, reason: 'spam', text: '광고성 기사입니다.' },
  })
  expect(answer.status, answer.text).toBe(201)
  return answer.body.doc.id as number | string
}

const inquire = async ({ token }: Reader, name: string, email: string) => {
  const answer = await api.rest('POST', '/inquiries', {
    token,
    body: {
      name,
      email,
      phone: '010-1234-5678',
      subject: '정정 요청',
      message: '확인 부탁드립니다.',
    },
  })
  expect(answer.status, answer.text).toBe(201)
  return answer.body.doc.id as number | string
}

const stored = (collection: string, id: number | string) =>
  payload.findByID({ collection: collection as never, id, depth: 0, overrideAccess: true })

describe('delete my account, across the reader plugins', () => {
  it('withdraws the reader’s votes (totals recounted) and leaves their report and inquiry naming no one', async () => {
    const article = await payload.create({
      collection: 'articles',
      data: articleData(fixture, { title: '투표받은 기사', _status: 'published' }) as never,
    })
    const leaving = await signUpReader(api, outbox, 'leaving@example.com')
    const staying = await signUpReader(api, outbox, 'staying@example.com')
    for (const reader of [leaving, staying]) await vote(reader, article.id)
    expect(((await stored('articles', article.id)) as { votesUp?: number }).votesUp).toBe(2)
    const votesOf = () =>
      countOf(payload, 'votes', { document: { equals: `articles:${article.id}` } })
    expect(await votesOf()).toBe(2)

    const leavingReport = await report(leaving, article.id)
    const stayingReport = await report(staying, article.id)
    const leavingInquiry = await inquire(leaving, '떠나는 독자', 'leaving@example.com')
    const stayingInquiry = await inquire(staying, '남는 독자', 'staying@example.com')

    const gone = await api.rest('DELETE', `/readers/${leaving.id}`, { token: leaving.token })
    expect(gone.status, gone.text).toBe(200)

    // The vote is gone and the totals dropped by one; the other reader's stays.
    expect(await votesOf()).toBe(1)
    const totals = (await stored('articles', article.id)) as {
      votesDown?: number
      votesUp?: number
    }
    expect(totals.votesUp).toBe(1)
    expect(totals.votesDown ?? 0).toBe(0)

    // The report stays for the desk, naming no one; the other reader's still names them.
    const report1 = (await stored('reports', leavingReport)) as Record<string, unknown>
    expect(report1.reason).toBe('spam')
    expect(report1.reader ?? null).toBeNull()
    expect(String(report1.submitter ?? '')).not.toContain(String(leaving.id))
    expect(await countOf(payload, 'reports', { reader: { equals: String(leaving.id) } })).toBe(0)
    expect(((await stored('reports', stayingReport)) as { reader?: string }).reader).toBe(
      String(staying.id),
    )

    // The inquiry too: no account, name, email or phone of the reader; the message stays.
    const inquiry = (await stored('inquiries', leavingInquiry)) as Record<string, unknown>
    expect(inquiry.subject).toBe('정정 요청')
    expect(inquiry.reader ?? null).toBeNull()
    expect(inquiry.name).not.toBe('떠나는 독자')
    expect(inquiry.email).not.toBe('leaving@example.com')
    expect(inquiry.phone ?? null).toBeNull()
    const kept = (await stored('inquiries', stayingInquiry)) as Record<string, unknown>
    expect(kept).toMatchObject({
      reader: String(staying.id),
      name: '남는 독자',
      email: 'staying@example.com',
    })
  })
})
