import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { seedDemo } from '../../src/seed'
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
