import { describe, expect, it } from 'vitest'

import { acceptsGzip } from './answerOnNode'

describe('acceptsGzip', () => {
  it('takes gzip when named or covered by *, and never when refused with q=0', () => {
    expect(acceptsGzip('gzip, deflate, br')).toBe(true)
    expect(acceptsGzip('br;q=1.0, gzip;q=0.8')).toBe(true)
    expect(acceptsGzip('x-gzip')).toBe(true)
    expect(acceptsGzip('*')).toBe(true)
    expect(acceptsGzip(['deflate', 'GZIP'])).toBe(true)
    expect(acceptsGzip(undefined)).toBe(false)
    expect(acceptsGzip('')).toBe(false)
    expect(acceptsGzip('identity')).toBe(false)
    expect(acceptsGzip('gzip;q=0')).toBe(false)
    expect(acceptsGzip('gzip;q=0.000, br')).toBe(false)
    // Whitespace around the weight is allowed (RFC 9110 §12.4.2), and a named refusal beats *.
    expect(acceptsGzip('gzip ; q=0 , *')).toBe(false)
    expect(acceptsGzip('*, gzip;q=0')).toBe(false)
    expect(acceptsGzip('*;q=0')).toBe(false)
    expect(acceptsGzip('*;q=0, gzip')).toBe(true)
  })
})
