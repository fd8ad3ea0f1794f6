import type { IncomingMessage, ServerResponse } from 'node:http'

import { Readable } from 'node:stream'
import zlib from 'node:zlib'

import { acceptsGzip } from '../plugins/http-cache/answerOnNode'

/** Node's request as the Fetch `Request` Payload's handlers take, its URL resolved against `origin`. */
export const toRequest = (incoming: IncomingMessage, origin: string, method = incoming.method): Request => {
  const headers = new Headers()
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value === undefined) continue
    for (const item of Array.isArray(value) ? value : [value]) headers.append(name, item)
  }
  const hasBody = method !== 'GET' && method !== 'HEAD'
  return new Request(new URL(incoming.url ?? '/', origin), {
    method,
    headers,
    body: hasBody ? (Readable.toWeb(incoming) as ReadableStream) : undefined,
    ...(hasBody ? { duplex: 'half' } : {}),
  } as RequestInit)
}

// What Next.js's compression does (the `compression` package it uses): bodies from 1 kB of a
// compressible type, `Vary: Accept-Encoding` on every such response, never over `no-transform`.
const MIN_GZIP_BYTES = 1024
const isCompressible = (contentType: null | string) => !!contentType && /json|xml|text\/|javascript/.test(contentType)

const gzip = (body: Buffer): Promise<Buffer> =>
  new Promise((resolve, reject) => zlib.gzip(body, (error, compressed) => (error ? reject(error) : resolve(compressed))))

/**
 * Sends a Fetch `Response` on Node's response, gzipped when the reader accepts it as Next.js would
 * have sent it, so a client sees the same answer whichever server routed its request.
 */
export const sendResponse = async (response: Response, incoming: IncomingMessage, outgoing: ServerResponse): Promise<void> => {
  const headers: Record<string, string | string[]> = {}
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie') headers[name] = value
  })
  const cookies = response.headers.getSetCookie()
  if (cookies.length) headers['set-cookie'] = cookies
  let body: Buffer | undefined = response.body ? Buffer.from(await response.arrayBuffer()) : undefined
  const mayCompress =
    response.status !== 204 &&
    response.status !== 304 &&
    isCompressible(response.headers.get('content-type')) &&
    !response.headers.has('content-encoding') &&
    !/(?:^|,)\s*no-transform\s*(?:,|$)/i.test(response.headers.get('cache-control') ?? '')
  if (mayCompress) {
    const vary = response.headers.get('vary')
    if (!vary?.split(',').some((name) => name.trim() === '*' || name.trim().toLowerCase() === 'accept-encoding')) {
      headers.vary = vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding'
    }
    if (body && body.byteLength >= MIN_GZIP_BYTES && incoming.method !== 'HEAD' && acceptsGzip(incoming.headers['accept-encoding'])) {
      body = await gzip(body)
      headers['content-encoding'] = 'gzip'
      headers['content-length'] = String(body.byteLength)
    }
  }
  if (body && !headers['content-length']) headers['content-length'] = String(body.byteLength)
  outgoing.writeHead(response.status, headers)
  outgoing.end(incoming.method === 'HEAD' ? undefined : body)
}
