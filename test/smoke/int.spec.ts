import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { DEMO_PASSWORD_DEFAULT, seedDemo } from '../../src/seed'
import { apiClient } from '../helpers/http'
import { bootPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  payload = await bootPayload('smoke')
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
