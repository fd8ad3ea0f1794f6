import { describe, expect, it } from 'vitest'

import { carriesCredentials } from './sessionCredentials'

const withHeaders = (headers: Record<string, string>) =>
  carriesCredentials((name) => new Headers(headers).get(name))

describe('carriesCredentials', () => {
  it('is true for any Authorization header, even an empty one or an unknown scheme', () => {
    expect(withHeaders({ authorization: 'JWT abc' })).toBe(true)
    expect(withHeaders({ authorization: 'Bearer abc' })).toBe(true)
    expect(withHeaders({ authorization: 'users API-Key abc' })).toBe(true)
    expect(withHeaders({ authorization: '' })).toBe(true)
  })

  it('is true for a token cookie in any spelling Payload or a browser might send', () => {
    for (const cookie of [
      'payload-token=x',
      ' payload-token=x',
      'payload-token =x',
      'a=1;payload-token=x',
      'a=1;  payload-token  = x',
      'PAYLOAD-TOKEN=x',
      'other-prefix-token=x',
      'token=x',
    ]) {
      expect(withHeaders({ cookie }), cookie).toBe(true)
    }
  })

  it('is false without either', () => {
    expect(withHeaders({})).toBe(false)
    expect(withHeaders({ cookie: 'payload-lng=ko; theme=dark' })).toBe(false)
  })
})
