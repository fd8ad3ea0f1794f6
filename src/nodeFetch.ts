import type { IncomingMessage, ServerResponse } from 'node:http'

import type { ReadableStream as NodeReadableStream } from 'node:stream/web'

import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'

import { acceptsGzip, isCompressible, MIN_GZIP_BYTES } from '../plugins/http-cache/answerOnNode'

/** Node's request as the Fetch `Request` Payload's handlers take, its URL resolved against `origin`. */
export const toRequest = (incoming: IncomingMessage, origin: string, method = incoming.method): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  // As Next.js's server does: the peer's address when no proxy named one (login throttling keys on it).
  if (!headers.has('x-forwarded-for') && incoming.socket?.remoteAddress) headers.set('x-forwarded-for', incoming.socket.remoteAddress)
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

// Next.js gzips every compressible answer; under MIN_GZIP_BYTES those go as they are, as the memory
// cache's do. Never over `no-transform`, nor a byte range (its Content-Range counts the uncompressed
// bytes).

const gzip = (body: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => zlib.gzip(body, (error, compressed) => (error ? reject(error) : resolve(compressed))))

// How a reader hanging up mid-answer shows, as opposed to the body's own source failing.
const HUNG_UP = new Set(['ECONNRESET', 'EPIPE', 'ERR_STREAM_PREMATURE_CLOSE'])

/**
 * Sends a Fetch `Response` on Node's response, gzipped when the reader accepts it, so a client
 * sees what Next.js would have sent whichever server routed its request. A body that is not
 * compressed (an image, a video and its byte ranges) streams through as it comes, never whole in
 * memory.
 */
export const sendResponse = async (response: Response, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' && name !== 'transfer-encoding') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  const isHead = incoming.method === 'HEAD'
  const mayCompress =
    response.status !== 204 &&
    response.status !== 206 &&
    response.status !== 304 &&
    isCompressible(response.headers.get('content-type')) &&
    !response.headers.has('content-encoding') &&
    !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(response.headers.get('cache-control') ?? '')
  if (!response.body || !mayCompress) {
    outgoing.writeHead(response.status, headers)
    if (!response.body || isHead) {
      await response.body?.cancel()
      return void outgoing.end()
    }
    return pipeline(Readable.fromWeb(response.body as NodeReadableStream), outgoing).catch((error: unknown) => {
      if (!HUNG_UP.has((error as NodeJS.ErrnoException).code ?? '')) throw error
    })
  }
  const vary = response.headers.get('vary')
  if (!vary?.split(',').some((name) => name.trim() === '*' || name.trim().toLowerCase() === 'accept-encoding')) {
    headers.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
  }
  let body: Buffer = Buffer.from(await response.arrayBuffer())
  // HEAD is sized as its GET would be, compressed or not.
  if (body.byteLength >= MIN_GZIP_BYTES && acceptsGzip(incoming.headers['accept-encoding'])) {
    body = await gzip(body)
    headers['content-encoding'] = 'gzip'
  }
  headers['content-length'] = String(body.byteLength)
  outgoing.writeHead(response.status, headers)
  outgoing.end(isHead ? undefined : body)
}
