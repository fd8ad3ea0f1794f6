import type { Payload } from 'payload'

import { createLocalReq } from 'payload'

import iconv from 'iconv-lite'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { matchPledge } from '../../plugins/subscriptions/activation'
import { sanitizeSubscriptionsOptions } from '../../plugins/subscriptions/defaults'
import { addDays, kstDay } from '../../plugins/subscriptions/statement'
import {
  canRollBack,
  clearQueuedDeliveries,
  onePurgePerChannel,
  purgeChannels,
  queuedPurges,
  rolledBack,
} from '../helpers/cachePurges'
import { apiClient } from '../helpers/http'
import { missingId } from '../helpers/ids'
import { PASSWORD } from '../helpers/newsroom'
import { captureEmails } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'
import { signUpReader } from '../readers/readerHelpers'

type ID = number | string
type Doc = Record<string, any> & { id: ID }

const outbox = captureEmails()
let payload: Payload
let api: ReturnType<typeof apiClient>
const tokens = { admin: '', editor: '', reporter: '', reader: '', otherReader: '' }
const plans: Record<'monthly' | 'yearly' | 'retired', ID> = { monthly: 0, yearly: 0, retired: 0 }
let address = 0
const newAddress = () => `198.51.100.${++address}`
const today = kstDay(new Date())

const pledge = (overrides: Record<string, unknown> = {}) => ({
  plan: plans.monthly,
  depositorName: '홍길동',
  expectedDate: today,
  email: 'hong@example.org',
  ...overrides,
})

const submit = (
  body: Record<string, unknown>,
  { from = newAddress(), token }: { from?: string; token?: string } = {},
) => api.rest('POST', '/pledges', { body, token, headers: { 'x-forwarded-for': from } })

const create = async (body: Record<string, unknown>, token?: string): Promise<Doc> => {
  const created = await submit(body, { token })
  expect(created.status, created.text).toBe(201)
  return created.body.doc
}

const load = async (collection: string, id: ID): Promise<Doc> =>
  (await payload.findByID({ collection: collection as never, id: id as never, depth: 0 })) as Doc

const upload = (content: Buffer | string, name = '입금내역.csv', token = tokens.editor) => {
  const form = new FormData()
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content
  form.append('file', new Blob([new Uint8Array(bytes)], { type: 'text/csv' }), name)
  form.append('_payload', JSON.stringify({}))
  return api.rest('POST', '/bank-statements', { formData: form, token })
}

const linesOf = async (statement: ID): Promise<Doc[]> =>
  (
    await payload.find({
      collection: 'statement-lines' as never,
      where: { statement: { equals: statement } },
      sort: 'line',
      depth: 0,
      limit: 100,
    })
  ).docs as unknown as Doc[]

beforeAll(async () => {
  payload = await bootPayload('subscriptions', {
    email: outbox.adapter,
    newsroom: {
      subscriptions: {
        perClient: { points: 30, durationSeconds: 600 },
        perLookup: { points: 8, durationSeconds: 600 },
        batchSize: 2,
        remindersCron: false,
        bankAccount: '농협 301-0000-0000-00 (주)뉴스룸',
      },
    },
  })
  api = apiClient(payload)
  for (const [key, roles] of [
    ['admin', ['admin']],
    ['editor', ['editor']],
    ['reporter', ['reporter']],
  ] as const) {
    await payload.create({
      collection: 'users',
      data: { email: `${key}@example.com`, password: PASSWORD, roles: [...roles] } as never,
    })
    tokens[key] = await api.login(`${key}@example.com`, PASSWORD)
  }
  tokens.reader = (await signUpReader(api, outbox, 'reader1@example.org')).token
  tokens.otherReader = (await signUpReader(api, outbox, 'reader2@example.org')).token
  const plan = async (data: Record<string, unknown>) => {
    const created = await api.rest('POST', '/subscription-plans', {
      body: data,
      token: tokens.editor,
    })
    expect(created.status, created.text).toBe(201)
    return created.body.doc.id as ID
  }
  plans.monthly = await plan({ name: '월 구독', amount: 10000, period: 1, order: 1 })
  plans.yearly = await plan({ name: '연 구독', amount: 100000, period: 12, order: 2 })
  plans.retired = await plan({ name: '옛 요금제', amount: 5000, period: 1, active: false })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('plans', () => {
  it('are public while active, through REST and GraphQL; only the desk manages them', async () => {
    const list = await api.rest('GET', '/subscription-plans')
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: Doc) => doc.name)).toEqual(['월 구독', '연 구독'])
    const graphql = await api.graphql('{ SubscriptionPlans { docs { name amount period } } }')
    expect(graphql.body.data.SubscriptionPlans.docs).toEqual([
      { name: '월 구독', amount: 10000, period: 1 },
      { name: '연 구독', amount: 100000, period: 12 },
    ])
    expect((await api.rest('GET', `/subscription-plans/${plans.retired}`)).status).toBe(404)
    for (const token of [undefined, tokens.reader, tokens.reporter])
      expect(
        (
          await api.rest('POST', '/subscription-plans', {
            body: { name: '몰래', amount: 1, period: 1 },
            token,
          })
        ).status,
      ).toBe(403)
    const editorList = await api.rest('GET', '/subscription-plans', { token: tokens.editor })
    expect(editorList.body.totalDocs).toBe(3)
  })

  it('purge CDN copies once per change: created, updated, deleted — the plan’s key and the list’s', async () => {
    const channels = await purgeChannels(payload)
    const purgesOf = async (change: () => Promise<unknown>) => {
      await clearQueuedDeliveries(payload)
      await change()
      return queuedPurges(payload)
    }
    const onePurgeEach = (id: ID) =>
      onePurgePerChannel(
        channels,
        [`subscription-plans:${id}`, 'subscription-plans:list'],
        'subscription-plans.changed',
      )

    let id: ID = 0
    const created = await purgesOf(async () => {
      const answer = await api.rest('POST', '/subscription-plans', {
        body: { name: '주말 구독', amount: 3000, period: 1 },
        token: tokens.editor,
      })
      expect(answer.status, answer.text).toBe(201)
      id = answer.body.doc.id
    })
    expect(created).toEqual(onePurgeEach(id))
    const updated = await purgesOf(async () => {
      const answer = await api.rest('PATCH', `/subscription-plans/${id}`, {
        body: { active: false },
        token: tokens.editor,
      })
      expect(answer.status, answer.text).toBe(200)
    })
    expect(updated).toEqual(onePurgeEach(id))
    // A refused save changes nothing and purges nothing.
    const refused = await purgesOf(async () => {
      const answer = await api.rest('PATCH', `/subscription-plans/${id}`, {
        body: { amount: -1 },
        token: tokens.editor,
      })
      expect(answer.status).toBe(400)
    })
    expect(refused).toEqual([])
    if (canRollBack()) {
      const undone = await purgesOf(() =>
        rolledBack(payload, (req) =>
          payload.update({
            collection: 'subscription-plans',
            id,
            data: { amount: 4000 } as never,
            req,
          }),
        ),
      )
      expect(undone).toEqual([])
    }
    const deleted = await purgesOf(async () => {
      const answer = await api.rest('DELETE', `/subscription-plans/${id}`, { token: tokens.editor })
      expect(answer.status, answer.text).toBe(200)
    })
    expect(deleted).toEqual(onePurgeEach(id))
    // Later tests run the queue a job at a time: no deliveries in their way.
    await payload.delete({ collection: 'distribution-channels', where: { id: { exists: true } } })
    await clearQueuedDeliveries(payload)
  })
})

describe('pledging', () => {
  it('takes a pledge from anyone and answers its reference code; the desk fields are ignored', async () => {
    const doc = await create(
      pledge({ status: 'active', note: '몰래', startsAt: '2020-01-01T00:00:00Z' }),
    )
    expect(doc.reference).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    expect(doc.status).toBe('pending')
    expect(doc.amount).toBe(10000)
    expect(doc.expectedDate).toBe(`${today}T12:00:00+09:00`)
    expect(doc.note).toBeUndefined()
    // The desk's name for it (its admin title), not the pledger's to read.
    expect(doc.title).toBeUndefined()
    const stored = await load('pledges', doc.id)
    const [, month, day] = today.split('-').map(Number)
    expect(stored.title).toBe(`홍길동 · 10,000원 · ${month}월 ${day}일 예정 · ${doc.reference}`)
    expect(stored.startsAt ?? null).toBeNull()
    expect(stored.note ?? null).toBeNull()
    expect(stored.reader ?? null).toBeNull()
  })

  it('takes a pledge through GraphQL too, with the same checks', async () => {
    const mutation = `mutation ($data: mutationPledgeInput!) {
      createPledge(data: $data) { reference status amount }
    }`
    const created = await api.graphql(mutation, {
      data: pledge({ depositorName: '그래프', plan: plans.yearly }),
    })
    expect(created.body.errors, created.text).toBeUndefined()
    expect(created.body.data.createPledge).toMatchObject({ status: 'pending', amount: 100000 })
    expect(created.body.data.createPledge.reference).toMatch(/^[2-9A-HJ-NP-Z]{8}$/)
    const refused = await api.graphql(mutation, {
      data: pledge({ depositorName: '그래프', amount: 1 }),
    })
    expect(refused.body.errors?.[0]?.extensions?.code).toBe('VALIDATION')
    expect(refused.body.errors?.[0]?.message).toMatch(/^amount/)
  })

  it('refuses bad input with 400 naming the field, and counts nothing', async () => {
    const before = (await payload.count({ collection: 'pledges' as never })).totalDocs
    const cases: [Record<string, unknown>, RegExp][] = [
      [pledge({ depositorName: '' }), /depositorName/],
      [pledge({ amount: 9000 }), /amount[\s\S]*10,000원/],
      [pledge({ email: '', phone: '' }), /email/],
      [pledge({ email: 'not-an-email' }), /email|이메일/],
      [pledge({ plan: plans.retired }), /plan/],
      [pledge({ plan: missingId(payload) }), /plan/],
      [pledge({ expectedDate: 'tomorrow' }), /expectedDate/],
      [pledge({ expectedDate: addDays(today, 400) }), /expectedDate/],
      [pledge({ website: 'http://spam.example' }), /접수하지 않았습니다/],
    ]
    for (const [body, message] of cases) {
      const refused = await submit(body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      expect(JSON.stringify(refused.body), JSON.stringify(body)).toMatch(message)
    }
    expect((await payload.count({ collection: 'pledges' as never })).totalDocs).toBe(before)
  })

  it('limits pledges per address with 429 and Retry-After', async () => {
    const from = newAddress()
    for (let n = 0; n < 30; n++) expect((await submit(pledge(), { from })).status).toBe(201)
    const over = await submit(pledge(), { from })
    expect(over.status).toBe(429)
    expect(over.body.errors[0].code).toBe('RATE_LIMITED')
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

describe('privacy', () => {
  it('shows a reader their own pledges only, on every path', async () => {
    const mine = await create(pledge({ depositorName: '독자하나' }), tokens.reader)
    const theirs = await create(pledge({ depositorName: '독자둘' }), tokens.otherReader)
    const anonymous = await create(pledge({ depositorName: '익명' }))

    const list = await api.rest('GET', '/pledges?limit=100', { token: tokens.reader })
    expect(list.status).toBe(200)
    expect(list.body.docs.map((doc: Doc) => doc.id)).toEqual([mine.id])
    for (const other of [theirs, anonymous]) {
      expect((await api.rest('GET', `/pledges/${other.id}`, { token: tokens.reader })).status).toBe(
        404,
      )
      const where = await api.rest('GET', `/pledges?where[reference][equals]=${other.reference}`, {
        token: tokens.reader,
      })
      expect(where.body.docs ?? []).toHaveLength(0)
    }
    const graphql = await api.graphql(
      '{ Pledges(limit: 100) { docs { reference depositorName } } }',
      undefined,
      tokens.reader,
    )
    expect(graphql.body.data.Pledges.docs).toEqual([
      { reference: mine.reference, depositorName: '독자하나' },
    ])
    expect((await api.rest('GET', '/pledges')).status).toBe(403)
    expect((await api.rest('GET', '/pledges', { token: tokens.reporter })).status).toBe(403)
    const anonymousGraphql = await api.graphql('{ Pledges { docs { reference } } }')
    expect(anonymousGraphql.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
    // A reader changes nothing of theirs either.
    const patch = await api.rest('PATCH', `/pledges/${mine.id}`, {
      body: { status: 'active' },
      token: tokens.reader,
    })
    expect(patch.status).toBe(403)

    const own = await api.rest('GET', '/pledges/mine', { token: tokens.reader })
    expect(own.status).toBe(200)
    expect(own.body.docs.map((doc: Doc) => doc.reference)).toEqual([mine.reference])
    expect(own.body.docs[0]).toMatchObject({ status: 'pending', plan: { name: '월 구독' } })
    expect(own.body.docs[0].email).toBeUndefined()
    expect((await api.rest('GET', '/pledges/mine')).status).toBe(401)
  })

  it('lets an anonymous pledger look theirs up by reference code and contact', async () => {
    const doc = await create(pledge({ depositorName: '조회', email: '', phone: '010-2222-3333' }))
    const lookup = (body: Record<string, unknown>, from = '192.0.2.10') =>
      api.rest('POST', '/pledges/lookup', { body, headers: { 'x-forwarded-for': from } })
    const found = await lookup({ reference: doc.reference.toLowerCase(), contact: '01022223333' })
    expect(found.status, found.text).toBe(200)
    expect(found.body).toMatchObject({ reference: doc.reference, status: 'pending' })
    expect(found.body.expectedDate).toMatch(/\+09:00$/)
    const wrong = await lookup({ reference: doc.reference, contact: '010-9999-9999' })
    expect(wrong.status).toBe(404)
    const unknown = await lookup({ reference: 'ZZZZZZZZ', contact: '010-2222-3333' })
    expect(unknown.status).toBe(404)
    expect(unknown.body.errors[0].message).toBe(wrong.body.errors[0].message)
    expect((await lookup({ contact: '01022223333' })).status).toBe(400)
    let last = found
    for (let n = 0; n < 8 && last.status !== 429; n++)
      last = await lookup({ reference: 'X', contact: 'y' })
    expect(last.status).toBe(429)
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0)
  })
})

const utf8Statement = (day: string) =>
  [
    '거래일시,적요,입금자명,출금액,입금액,잔액,거래점',
    `${day} 09:12:01,타행이체,정 하늘,0,"10,000","1,010,000",인터넷`,
    `${day} 10:00:00,타행이체,김철수,0,"10,000","1,020,000",인터넷`,
    `${day} 11:30:00,타행이체,㈜뉴스상사,0,"100,000","1,120,000",인터넷`,
    `${day} 12:00:00,타행이체,이영희,0,"10,000","1,130,000",인터넷`,
    `${day} 13:00:00,카드대금,,"50,000",0,"1,080,000",인터넷`,
  ].join('\r\n')

describe('importing a bank statement', () => {
  const ids: Record<string, ID> = {}
  let statementId: ID

  it('refuses a bad file with 400 and keeps nothing; only the desk uploads', async () => {
    const before = (await payload.count({ collection: 'bank-statements' as never })).totalDocs
    for (const content of [
      '이름,금액\n홍길동,1000',
      `거래일시,입금자명,입금액\n어제,홍길동,1000`,
      `거래일시,입금자명,입금액\n${today},홍길동,천원`,
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]),
    ]) {
      const refused = await upload(content)
      expect(refused.status, refused.text).toBe(400)
      expect(JSON.stringify(refused.body)).toMatch(/file/)
    }
    expect((await upload('', 'empty.csv')).status).toBe(400)
    for (const token of [tokens.reader, tokens.reporter, ''])
      expect([401, 403]).toContain((await upload(utf8Statement(today), 'x.csv', token)).status)
    expect((await payload.count({ collection: 'bank-statements' as never })).totalDocs).toBe(before)
    expect((await payload.count({ collection: 'statement-lines' as never })).totalDocs).toBe(0)
  })

  it('matches a UTF-8 statement by a job, in batches with progress: matched, ambiguous, unmatched', async () => {
    ids.hong = (
      await create(pledge({ depositorName: '정하늘', expectedDate: addDays(today, 2) }))
    ).id
    ids.kim1 = (await create(pledge({ depositorName: '김철수', email: 'kim1@example.org' }))).id
    ids.kim2 = (
      await create(
        pledge({
          depositorName: '김 철수',
          email: 'kim2@example.org',
          expectedDate: addDays(today, -3),
        }),
      )
    ).id
    ids.company = (
      await create(
        pledge({ plan: plans.yearly, depositorName: '(주) 뉴스상사', email: 'co@example.org' }),
      )
    ).id
    // Outside the window (−3/+7 days): no candidate.
    ids.lee = (
      await create(
        pledge({
          depositorName: '이영희',
          expectedDate: addDays(today, 4),
          email: 'lee@example.org',
        }),
      )
    ).id

    const uploaded = await upload(utf8Statement(today))
    expect(uploaded.status, uploaded.text).toBe(201)
    statementId = uploaded.body.doc.id
    expect(uploaded.body.doc).toMatchObject({
      status: 'queued',
      encoding: 'utf-8',
      totalLines: 4,
      processedLines: 0,
      skippedLines: 1,
    })
    expect(uploaded.body.doc.pendingRows).toBeUndefined()

    await payload.jobs.run({ limit: 1 })
    const halfway = await load('bank-statements', statementId)
    expect(halfway).toMatchObject({ status: 'processing', processedLines: 2, totalLines: 4 })
    await payload.jobs.run({ limit: 100 })
    await payload.jobs.run({ limit: 100 })
    const done = await api.rest('GET', `/bank-statements/${statementId}`, { token: tokens.editor })
    expect(done.body).toMatchObject({
      status: 'done',
      processedLines: 4,
      matchedLines: 2,
      ambiguousLines: 1,
      unmatchedLines: 1,
      duplicateLines: 0,
    })

    const lines = await linesOf(statementId)
    expect(lines.map((line) => [line.depositor, line.status])).toEqual([
      ['정 하늘', 'matched'],
      ['김철수', 'ambiguous'],
      ['㈜뉴스상사', 'matched'],
      ['이영희', 'unmatched'],
    ])
    expect(lines[1]!.candidates.map(String).sort()).toEqual(
      [String(ids.kim1), String(ids.kim2)].sort(),
    )

    const hong = await load('pledges', ids.hong!)
    expect(hong).toMatchObject({ status: 'active', matchedLine: lines[0]!.id })
    expect(kstDay(hong.startsAt)).toBe(today)
    expect(kstDay(hong.endsAt) > today).toBe(true)
    const company = await load('pledges', ids.company!)
    expect(company.status).toBe('active')
    // 12 months later, to the day.
    expect(kstDay(company.endsAt).slice(5)).toBe(
      today.slice(5) === '02-29' ? '02-28' : today.slice(5),
    )
    for (const id of [ids.kim1, ids.kim2, ids.lee])
      expect((await load('pledges', id!)).status).toBe('pending')
  })

  it('does not match twice when the same or an overlapping statement comes again', async () => {
    const again = await upload(utf8Statement(today))
    expect(again.status).toBe(201)
    await payload.jobs.run({ limit: 100 })
    await payload.jobs.run({ limit: 100 })
    expect(await load('bank-statements', again.body.doc.id)).toMatchObject({
      status: 'done',
      processedLines: 4,
      duplicateLines: 4,
      matchedLines: 0,
    })
    expect(await linesOf(again.body.doc.id)).toHaveLength(0)

    ids.late = (await create(pledge({ depositorName: '박늦음', email: 'late@example.org' }))).id
    const overlapping = [
      '거래일시,입금자명,입금액,출금액,잔액',
      `${today} 09:12:01,정 하늘,10000,0,1010000`,
      `${today} 15:00:00,박늦음,10000,0,1140000`,
    ].join('\n')
    const third = await upload(overlapping)
    expect(third.status).toBe(201)
    await payload.jobs.run({ limit: 100 })
    expect(await load('bank-statements', third.body.doc.id)).toMatchObject({
      status: 'done',
      duplicateLines: 1,
      matchedLines: 1,
    })
    expect((await load('pledges', ids.late!)).status).toBe('active')
    expect((await payload.count({ collection: 'statement-lines' as never })).totalDocs).toBe(5)
  })

  it('reads an EUC-KR export with other header names and lines above the header', async () => {
    const id = (await create(pledge({ depositorName: '최민국', email: 'choi@example.org' }))).id
    const compact = today.replace(/-/g, '')
    const text = [
      '농협 입출금 거래내역',
      '계좌번호,301-0000-0000-00',
      '',
      '거래일자,거래시간,기재내용,찾으신 금액(원),맡기신 금액(원),거래후 잔액(원)',
      `${compact},14:00,최민국,0,"10,000","1,150,000"`,
    ].join('\r\n')
    const uploaded = await upload(iconv.encode(text, 'euc-kr'), 'nh.csv')
    expect(uploaded.status, uploaded.text).toBe(201)
    expect(uploaded.body.doc).toMatchObject({ encoding: 'euc-kr', totalLines: 1 })
    await payload.jobs.run({ limit: 100 })
    expect(await load('bank-statements', uploaded.body.doc.id)).toMatchObject({
      status: 'done',
      matchedLines: 1,
    })
    expect((await load('pledges', id)).status).toBe('active')
  })

  it('lets the desk resolve an ambiguous line by picking the pledge, and ignore an unmatched one', async () => {
    const [, ambiguous, , unmatched] = await linesOf(statementId)
    expect(
      (
        await api.rest('PATCH', `/statement-lines/${ambiguous!.id}`, {
          body: { pledge: ids.kim2 },
          token: tokens.reader,
        })
      ).status,
    ).toBe(403)
    const refusedPick = await api.rest('PATCH', `/statement-lines/${ambiguous!.id}`, {
      body: { pledge: ids.hong },
      token: tokens.editor,
    })
    expect(refusedPick.status).toBe(400)

    const picked = await api.rest('PATCH', `/statement-lines/${ambiguous!.id}`, {
      body: { pledge: ids.kim2 },
      token: tokens.editor,
    })
    expect(picked.status, picked.text).toBe(200)
    expect(picked.body.doc).toMatchObject({ status: 'matched', matchedBy: 'person' })
    expect(String(picked.body.doc.resolvedBy?.id ?? picked.body.doc.resolvedBy)).toBeTruthy()
    expect(await load('pledges', ids.kim2!)).toMatchObject({ status: 'active' })
    expect((await load('pledges', ids.kim1!)).status).toBe('pending')

    // A matched line stays matched.
    const moved = await api.rest('PATCH', `/statement-lines/${ambiguous!.id}`, {
      body: { pledge: ids.kim1 },
      token: tokens.editor,
    })
    expect(moved.status).toBe(400)

    const ignored = await api.rest('PATCH', `/statement-lines/${unmatched!.id}`, {
      body: { status: 'ignored' },
      token: tokens.editor,
    })
    expect(ignored.status, ignored.text).toBe(200)
    expect(ignored.body.doc.status).toBe('ignored')
    expect((await load('pledges', ids.lee!)).status).toBe('pending')
    // The import's counts say what is left to decide.
    expect(await load('bank-statements', statementId)).toMatchObject({
      matchedLines: 3,
      ambiguousLines: 0,
      unmatchedLines: 0,
    })

    // The desk's decisions are in the audit log, with who made them.
    const audit = await payload.find({
      collection: 'audit-log' as never,
      where: {
        and: [
          { collectionSlug: { equals: 'statement-lines' } },
          { documentId: { equals: String(ambiguous!.id) } },
          { action: { equals: 'update' } },
        ],
      },
      overrideAccess: true,
    })
    expect(audit.docs.map((doc) => (doc as unknown as Doc).actorEmail)).toContain(
      'editor@example.com',
    )
  })

  it('never lets two deposits pay one pledge, when they are matched at the same moment', async () => {
    const pledgeId = (
      await create(pledge({ depositorName: '동시입금', email: 'race@example.org' }))
    ).id
    const [first, , , last] = await linesOf(statementId)
    const config = sanitizeSubscriptionsOptions({})
    // Two requests (two imports, or an import and a person) at once, each with its own deposit.
    const claims = await Promise.all(
      [first!, last!].map(async (line) =>
        matchPledge(config, await createLocalReq({}, payload), pledgeId, {
          id: line.id,
          postedAt: line.postedAt,
        }),
      ),
    )
    expect(claims.filter(Boolean)).toHaveLength(1)
    const winner = claims[0] ? first! : last!
    expect(await load('pledges', pledgeId)).toMatchObject({
      status: 'active',
      matchedLine: winner.id,
    })
  })
})

describe('reminders', () => {
  it('marks an unpaid pledge overdue and emails its pledger once; expires ended subscriptions', async () => {
    const overdue = (await payload.create({
      collection: 'pledges' as never,
      data: pledge({
        depositorName: '늦은분',
        email: 'overdue@example.org',
        expectedDate: addDays(today, -5),
      }) as never,
    })) as unknown as Doc
    const recent = (await payload.create({
      collection: 'pledges' as never,
      data: pledge({
        depositorName: '최근',
        email: 'recent@example.org',
        expectedDate: addDays(today, -1),
      }) as never,
    })) as unknown as Doc
    const ended = (await payload.create({
      collection: 'pledges' as never,
      data: pledge({ depositorName: '끝난분', email: 'ended@example.org' }) as never,
    })) as unknown as Doc
    await payload.update({
      collection: 'pledges' as never,
      id: ended.id,
      data: {
        status: 'active',
        depositedAt: new Date(Date.now() - 40 * 86_400_000).toISOString(),
      } as never,
    })
    const sentTo = (address: string) =>
      outbox.messages.filter((message) => String(message.to).includes(address))
    for (let run = 0; run < 2; run++) {
      await payload.jobs.queue({ task: 'pledgeReminders', input: {} } as never)
      await payload.jobs.run({ limit: 100 })
    }
    expect(sentTo('overdue@example.org')).toHaveLength(1)
    expect(String(sentTo('overdue@example.org')[0]!.text)).toContain(overdue.reference)
    expect(String(sentTo('overdue@example.org')[0]!.text)).toContain('농협 301-0000-0000-00')
    expect(sentTo('recent@example.org')).toHaveLength(0)
    expect(await load('pledges', overdue.id)).toMatchObject({ status: 'overdue' })
    expect((await load('pledges', overdue.id)).remindedAt).toBeTruthy()
    expect((await load('pledges', recent.id)).status).toBe('pending')
    expect((await load('pledges', ended.id)).status).toBe('expired')
  })
})

describe('a reader deleting their account', () => {
  it('keeps their pledges on record, linked to no account', async () => {
    const leaving = await signUpReader(api, outbox, 'leaving@example.org')
    const kept = await create(pledge({ depositorName: '떠나는독자' }), leaving.token)
    const gone = await api.rest('DELETE', `/readers/${leaving.id}`, { token: leaving.token })
    expect(gone.status, gone.text).toBe(200)
    const stored = await load('pledges', kept.id)
    expect(stored.reader ?? null).toBeNull()
    expect(stored.depositorName).toBe('떠나는독자')
  })
})
