import zlib from 'node:zlib'
import { describe, expect, it } from 'vitest'

import { acceptsGzip, gzippedCopy } from './answerOnNode'

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

describe('gzippedCopy', () => {
  const text = (bytes: number) => new TextEncoder().encode('{"title":"ulsan article"},'.repeat(Math.ceil(bytes / 25)).slice(0, bytes))

  it('compresses a small body at once, and only once', () => {
    const body = text(20_000)
    const compressed = gzippedCopy(body)
    expect(compressed).not.toBeNull()
    expect(zlib.gunzipSync(compressed!).equals(Buffer.from(body))).toBe(true)
    expect(gzippedCopy(body)).toBe(compressed)
  })

  it('compresses a large body off the event loop: none at first, the copy once it is ready', async () => {
    const body = text(2_000_000)
    expect(gzippedCopy(body)).toBeNull()
    expect(gzippedCopy(body)).toBeNull()
    let compressed: Buffer | null = null
    for (const started = Date.now(); !compressed && Date.now() - started < 5_000; ) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      compressed = gzippedCopy(body)
    }
    expect(zlib.gunzipSync(compressed!).equals(Buffer.from(body))).toBe(true)
  })
})
