import type { BodyLimits } from './limits'

import { errorResponse } from './errorResponse'

type Handler<Args extends unknown[]> = (request: Request, ...args: Args) => Promise<Response>

const tooLarge = (limit: number): Response =>
  // The rest of the body is not read: the connection cannot carry another request.
  errorResponse(
    413,
    'PAYLOAD_TOO_LARGE',
    `요청 본문이 너무 큽니다 (request body larger than ${limit} bytes)`,
    { connection: 'close' },
  )

/** Multipart bodies are uploads, limited as Payload's `upload` options limit them; everything else as JSON. */
export const limitOf = (
  request: Request,
  limits: Pick<BodyLimits, 'json' | 'multipart'>,
): number =>
  request.headers.get('content-type')?.toLowerCase().includes('multipart/')
    ? limits.multipart
    : limits.json

/**
 * Wraps a route handler that reads a request body (REST writes, GraphQL POST) with a size limit:
 * a `Content-Length` over it is refused with 413 before anything is read; a body without one
 * (chunked) reaches the handler as a stream that counts bytes and fails once past the limit, so
 * no more than the limit is ever read, and the answer is 413 whatever the handler made of the
 * failed read.
 */
export const withBodyLimit =
  <Args extends unknown[]>(
    handler: Handler<Args>,
    limits: Pick<BodyLimits, 'json' | 'multipart'>,
  ): Handler<Args> =>
  async (request, ...args) => {
    if (!request.body) return handler(request, ...args)
    const limit = limitOf(request, limits)
    const declared = request.headers.get('content-length')
    // Node's HTTP parser delivers exactly the declared length, never more.
    if (declared !== null && /^\d+$/.test(declared.trim())) {
      if (Number(declared) > limit) {
        void request.body.cancel().catch(() => {})
        return tooLarge(limit)
      }
      return handler(request, ...args)
    }
    const source = request.body.getReader()
    let received = 0
    let isOverLimit = false
    const limited = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await source.read()
          if (done) return controller.close()
          received += value.byteLength
          if (received > limit) {
            isOverLimit = true
            void source.cancel().catch(() => {})
            return controller.error(new Error('PAYLOAD_TOO_LARGE'))
          }
          controller.enqueue(value)
        },
        cancel: (reason) => source.cancel(reason),
      },
      { highWaterMark: 0 },
    )
    const counted = new Request(request.url, {
      body: limited,
      duplex: 'half',
      headers: request.headers,
      method: request.method,
      signal: request.signal,
    } as RequestInit)
    try {
      const response = await handler(counted, ...args)
      if (!isOverLimit) return response
      await response.body?.cancel()
    } catch (error) {
      if (!isOverLimit) throw error
    }
    return tooLarge(limit)
  }
