import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD_DEFAULT, seedDemo } from '../../src/seed'
import { apiClient } from '../helpers/http'
import { lastMailTo, captureEmails } from '../helpers/outbox'
import { bootPayload } from '../helpers/payload'

let payload: Payload
const outbox = captureEmails()

beforeAll(async () => {
  payload = await bootPayload('smoke', { email: outbox.adapter })
  await seedDemo(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

describe('demo seed', () => {
  it('creates the seed page article with its KST register line', async () => {
    const { docs } = await payload.find({
      collection: 'articles',
      where: { slug: { equals: 'ulsan-social-innovation' } },
    })
    expect(docs[0]).toMatchObject({
      regionLabel: '울산시',
      registeredAtText: '2020년04월17일 13시33분',
    })
  })
})

describe('demo reader features', () => {
  it('gives a confirmed reader login and a ticker line to the seed story', async () => {
    const api = apiClient(payload)
    const login = await api.rest('POST', '/readers/login', {
      body: { email: 'reader@newsroom.example', password: DEMO_PASSWORD_DEFAULT },
    })
    expect(login.status).toBe(200)
    const ticker = await api.rest('GET', '/ticker-items/current')
    expect(ticker.status).toBe(200)
    expect(JSON.stringify(ticker.body)).toContain('ulsan-social-innovation')
  })

  it('offers plans to pledge to (무통장입금), and mails no confirmation to the confirmed reader', async () => {
    const api = apiClient(payload)
    const plans = await api.rest('GET', '/subscription-plans?sort=order&depth=0')
    expect(plans.body.docs.map((plan: { name: string }) => plan.name)).toEqual([
      '월 구독',
      '연 구독',
    ])
    const pledge = await api.rest('POST', '/pledges', {
      body: {
        plan: plans.body.docs[0].id,
        depositorName: '홍길동',
        expectedDate: new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Seoul' }).format(
          new Date(),
        ),
        email: 'smoke@example.org',
      },
    })
    expect(pledge.status, pledge.text).toBe(201)
    expect(pledge.body.doc).toMatchObject({ status: 'pending', amount: 10_000 })
    expect(lastMailTo(outbox, 'reader@newsroom.example')).toBeUndefined()
  })
})

describe('demo site globals', () => {
  it('shows the seed page’s weather line and the demo masthead', async () => {
    const api = apiClient(payload)
    const weather = await api.rest('GET', '/globals/weather')
    expect(weather.body).toMatchObject({
      summary: '흐림',
      location: '서울',
      temperature: 15,
      source: 'manual',
    })
    const masthead = await api.rest('GET', '/globals/masthead')
    expect(masthead.body).toMatchObject({
      title: '뉴스룸 데모일보',
      registrationNumber: '울산 아00000',
      registeredOnText: '2020-04-01',
    })
  })
})
