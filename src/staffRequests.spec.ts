import type { Payload } from 'payload'

import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { apiClient } from '../test/helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../test/helpers/newsroom'
import { bootPayload } from '../test/helpers/payload'
import { isStaffRequest, publishStaffTokenKey } from './staffRequests'

let payload: Payload
let token: string

beforeAll(async () => {
  payload = await bootPayload('staff-requests')
  await createNewsroom(payload)
  token = await apiClient(payload).login(loginEmails().editor, PASSWORD)
  publishStaffTokenKey(payload)
})
afterAll(async () => {
  await payload?.destroy()
})

const withHeaders = (headers: Record<string, string>) => ({ headers })

/** A token in Payload's shape (its protected header unless another is given), signed with `key`. */
const sign = (claims: Record<string, unknown>, key: string, header: Record<string, unknown> = { alg: 'HS256', authVersion: 1, typ: 'JWT' }) => {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  const unsigned = `${encode(header)}.${encode(claims)}`
  return `${unsigned}.${crypto.createHmac('sha256', key).update(unsigned).digest('base64url')}`
}

describe('isStaffRequest', () => {
  it('knows a token Payload issued at login, in each place Payload reads it from', async () => {
    // The token is what Payload itself accepts.
    expect((await payload.auth({ headers: new Headers({ authorization: `JWT ${token}` }) })).user?.email).toBe(loginEmails().editor)
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${token}` }))).toBe(true)
    expect(isStaffRequest(withHeaders({ authorization: `Bearer ${token}` }))).toBe(true)
    expect(isStaffRequest(withHeaders({ cookie: `theme=dark; ${payload.config.cookiePrefix}-token=${token}; lang=ko` }))).toBe(true)
    // As Payload's parseCookies: of two cookies of that name, the last counts.
    expect(isStaffRequest(withHeaders({ cookie: `${payload.config.cookiePrefix}-token=stale; ${payload.config.cookiePrefix}-token=${token}` }))).toBe(true)
    expect(isStaffRequest(withHeaders({ cookie: `${payload.config.cookiePrefix}-token=${token}; ${payload.config.cookiePrefix}-token=stale` }))).toBe(false)
  })

  it('does not count readers, made-up or altered tokens, other keys, expired tokens or other collections', () => {
    const claims = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString()) as { collection: string; exp: number }
    expect(isStaffRequest(withHeaders({}))).toBe(false)
    expect(isStaffRequest(withHeaders({ cookie: 'theme=dark' }))).toBe(false)
    expect(isStaffRequest(withHeaders({ authorization: 'JWT not-a-token' }))).toBe(false)
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${token}x` }))).toBe(false)
    // The same claims signed with the configured secret itself, not the key Payload derives from it.
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${sign(claims, 'test-secret-not-for-production')}` }))).toBe(false)
    // Claims changed under the original signature.
    const [header, , signature] = token.split('.')
    const altered = Buffer.from(JSON.stringify({ ...claims, collection: 'users', exp: claims.exp + 3600 })).toString('base64url')
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${header}.${altered}.${signature}` }))).toBe(false)
    // Signed with Payload's key: expired, or for another collection.
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${token}` }), (claims.exp + 1) * 1000)).toBe(false)
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${sign({ ...claims, collection: 'readers' }, payload.secret)}` }))).toBe(false)
    // Without Payload's auth version in its header, or with a signature in another alphabet.
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${sign(claims, payload.secret, { alg: 'HS256', typ: 'JWT' })}` }))).toBe(false)
    const padded = `${token}=`
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${padded}` }))).toBe(false)
    expect(isStaffRequest(withHeaders({ authorization: `JWT ${sign(claims, payload.secret)}` }))).toBe(true)
  })
})
