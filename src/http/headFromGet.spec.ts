import { describe, expect, it } from 'vitest'

import { headFromGet } from './headFromGet'

describe('headFromGet', () => {
  it('runs the GET handler with a GET request and its arguments, and answers its status and headers without the body', async () => {
    const seen: { method: string; slug: string; url: string }[] = []
    const get = async (request: Request, context: { slug: string }) => {
      seen.push({ method: request.method, slug: context.slug, url: request.url })
      return new Response('{"docs":[]}', {
        status: 203,
        headers: { etag: '"abc"', 'content-type': 'application/json' },
      })
    }
    const response = await headFromGet(get)(
      new Request('http://localhost/api/articles?limit=1', { method: 'HEAD' }),
      { slug: 'articles' },
    )
    expect(seen).toEqual([
      { method: 'GET', slug: 'articles', url: 'http://localhost/api/articles?limit=1' },
    ])
    expect(response.status).toBe(203)
    expect(response.headers.get('etag')).toBe('"abc"')
    expect(response.headers.get('content-type')).toBe('application/json')
    expect(response.body).toBeNull()
  })
})
