import type { IncomingMessage } from 'node:http'
import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from '../test/helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../test/helpers/newsroom'
import { bootPayload } from '../test/helpers/payload'
import { admitOptionsOf } from './admitOptions'
import { publishStaffTokenKey } from './staffRequests'

let payload: Payload
let token: string

beforeAll(async () => {
  payload = await bootPayload('admit-options')
  await createNewsroom(payload)
  token = await apiClient(payload).login(loginEmails().editor, PASSWORD)
  publishStaffTokenKey(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

const request = (method: string, url: string, headers: Record<string, string> = {}) => ({ headers, method, url }) as unknown as IncomingMessage

describe('admitOptionsOf', () => {
  it('puts signed-in staff ahead, never turned away, whatever they ask', () => {
    for (const [method, url] of [['GET', '/api/articles'], ['PATCH', '/api/articles/1'], ['GET', '/admin/collections/articles']]) {
      expect(admitOptionsOf(request(method!, url!, { authorization: `JWT ${token}` }))).toEqual({ isStaff: true })
    }
    expect(admitOptionsOf(request('GET', '/api/articles', { cookie: `theme=dark; payload-token=${token}` }))).toEqual({ isStaff: true })
  })

  it('may turn away any other read outside the admin, with a made-up login or none; never logins, writes or the admin', () => {
    const sheddable = (method: string, url: string, headers?: Record<string, string>) => admitOptionsOf(request(method, url, headers)).isSheddable
    expect(sheddable('GET', '/api/articles?limit=5')).toBe(true)
    expect(sheddable('HEAD', '/api/feeds/rss.xml')).toBe(true)
    expect(sheddable('GET', '/api/articles', { authorization: 'JWT abc' })).toBe(true)
    expect(sheddable('GET', '/api/articles', { cookie: 'theme=dark; payload-token=abc' })).toBe(true)
    expect(sheddable('POST', '/api/users/login')).toBe(false)
    expect(sheddable('PATCH', '/api/articles/1', { authorization: 'JWT abc' })).toBe(false)
    expect(sheddable('GET', '/admin/collections/articles')).toBe(false)
  })
})
