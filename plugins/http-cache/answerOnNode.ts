import type { IncomingMessage, ServerResponse } from 'node:http'

import zlib from 'node:zlib'

import type { CacheableRequest } from './withHttpCache'

import { answerFromMemory, renewsStoredCopy } from './withHttpCache'

/** What the HTTP cache needs of a request, read off Node's message without building a Fetch `Request`. */
export const cacheViewOf = (incoming: IncomingMessage): CacheableRequest => {
  const url = incoming.url ?? '/'
  const query = url.indexOf('?')
  return {
    header: (name) => {
      const value = incoming.headers[name]
      return Array.isArray(value) ? value.join(', ') : value
    },
    method: incoming.method ?? 'GET',
    pathname: query === -1 ? url : url.slice(0, query),
    search: query === -1 ? '' : url.slice(query),
  }
}

// The threshold Next.js's own compression uses: below it gzip's framing outweighs the saving.
export const MIN_GZIP_BYTES = 1024
export const isCompressible = (contentType: null | string | undefined) => !!contentType && /json|xml|text\/|javascript/.test(contentType)

/** `Accept-Encoding` allows gzip (RFC 9110 §12.5.3): named (or `x-gzip`, or `*`) without `q=0`; a named coding overrides `*`. */
export const acceptsGzip = (acceptEncoding: string | string[] | undefined): boolean => {
  const header = Array.isArray(acceptEncoding) ? acceptEncoding.join(',') : acceptEncoding
  if (!header) return false
  let allowed = false
  for (const item of header.split(',')) {
    const [coding = '', ...parameters] = item.toLowerCase().split(';').map((part) => part.trim())
    if (coding !== 'gzip' && coding !== 'x-gzip' && coding !== '*') continue
    const refused = parameters.some((parameter) => /^q\s*=\s*0(?:\.0*)?$/.test(parameter))
    if (coding !== '*') return !refused
    allowed = !refused
  }
  return allowed
}

// A stored body never changes, so each is compressed once however many readers it has; Next.js
// compresses every response it sends again.
const gzipped = new WeakMap<Uint8Array, Buffer | 'compressing'>()
// Up to this size compressing takes a few milliseconds at most and the reader waits for it; a
// larger body (a long list, a feed) is compressed off the event loop, sent as it is meanwhile.
const WAIT_FOR_GZIP_MAX_BYTES = 256 * 1024

/** The gzip copy of a stored body, or null while a large one is still being compressed. */
export const gzippedCopy = (body: Uint8Array): Buffer | null => {
  const known = gzipped.get(body)
  if (known instanceof Buffer) return known
  if (known === 'compressing') return null
  if (body.byteLength <= WAIT_FOR_GZIP_MAX_BYTES) {
    const compressed = zlib.gzipSync(body)
    gzipped.set(body, compressed)
    return compressed
  }
  gzipped.set(body, 'compressing')
  zlib.gzip(body, (error, compressed) => {
    if (error) gzipped.delete(body)
    else gzipped.set(body, compressed)
  })
  return null
}

/**
 * Answers an anonymous content read from this process's memory copy on Node's response, before
 * any framework routes it — what `withHttpCache` would answer, without building Fetch objects or
 * running Next.js's router. Returns false when there is no fresh copy: route the request as usual.
 * Gzip when the reader accepts it, as Next.js would have.
 */
export const answerFromMemoryOnNode = (incoming: IncomingMessage, outgoing: ServerResponse): boolean => {
  const answer = answerFromMemory(cacheViewOf(incoming))
  if (!answer) return false
  const headers = answer.headers
  const contentType = headers.find(([name]) => name === 'content-type')?.[1]
  const vary = headers.find(([name]) => name === 'vary')?.[1]
  const mayCompress = answer.status !== 304 && isCompressible(contentType)
  const varyHeader: [string, string][] = mayCompress || answer.status === 304 ? [['vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding']] : []
  const kept = varyHeader.length ? headers.filter(([name]) => name !== 'vary') : headers
  const compressed = answer.body && mayCompress && answer.body.byteLength >= MIN_GZIP_BYTES && acceptsGzip(incoming.headers['accept-encoding']) ? gzippedCopy(answer.body) : null
  if (compressed) {
    const encoded = kept.filter(([name]) => name !== 'content-length')
    outgoing.writeHead(answer.status, [...encoded, ...varyHeader, ['content-encoding', 'gzip'], ['content-length', String(compressed.byteLength)]].flat())
    outgoing.end(compressed)
    return true
  }
  outgoing.writeHead(answer.status, [...kept, ...varyHeader].flat())
  outgoing.end(answer.body ?? undefined)
  return true
}

/** `renewsStoredCopy` for Node's request: a server starts such a read ahead of the others waiting. */
export const renewsStoredCopyOnNode = (incoming: IncomingMessage): boolean => renewsStoredCopy(cacheViewOf(incoming))
