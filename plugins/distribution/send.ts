import http from 'node:http'
import https from 'node:https'

import net from 'node:net'

import { isPrivateAddress, PrivateAddressError, publicOnlyLookup } from './network'

export type SendResult =
  | {
      durationMs: number
      error?: undefined
      headers: http.IncomingHttpHeaders
      responseBody: string
      status: number
    }
  | {
      durationMs: number
      error: Error
      headers?: undefined
      responseBody?: undefined
      status?: undefined
    }

const MAX_RESPONSE_BYTES = 2048

// Guarded requests keep their own connection pools: a kept-alive socket that a channel allowed to
// reach private addresses opened must never carry a request the guard would refuse (the pool is
// keyed by host and port, and a reused socket skips the lookup that checks the address).
const publicOnlyAgents = {
  'http:': new http.Agent({ keepAlive: true }),
  'https:': new https.Agent({ keepAlive: true }),
}

/** The request could not even be built (a malformed URL or header): sending it again cannot help. */
export class InvalidRequestError extends Error {
  constructor(cause: unknown) {
    super(`request could not be built: ${cause instanceof Error ? cause.message : String(cause)}`, {
      cause,
    })
    this.name = 'InvalidRequestError'
  }
}

/**
 * One POST, no redirects followed (a 3xx is an answer, not an instruction), a hard timeout, and
 * at most 2 KB of the response kept. Private addresses are refused at DNS time unless allowed.
 * Never rejects: every failure, even one building the request, is an `error` in the result.
 */
export const sendRequest = (
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivateNetwork: boolean; timeoutMs: number },
): Promise<SendResult> =>
  new Promise((resolve) => {
    const started = Date.now()
    let url: URL
    try {
      url = new URL(target)
    } catch (error) {
      resolve({ durationMs: 0, error: new InvalidRequestError(error) })
      return
    }
    const client = url.protocol === 'https:' ? https : http
    // Node skips the DNS lookup for an IP literal, so the lookup's check never sees it: check here,
    // before any connection is attempted.
    const literal = url.hostname.replace(/^\[|\]$/g, '')
    if (!options.allowPrivateNetwork && net.isIP(literal) && isPrivateAddress(literal)) {
      resolve({ durationMs: 0, error: new PrivateAddressError(url.hostname, literal) })
      return
    }
    let settled = false
    const finish = (result: SendResult) => {
      if (settled) return
      settled = true
      resolve(result)
    }
    let request: http.ClientRequest
    try {
      request = client.request(
        url,
        {
          method: 'POST',
          // The framing headers come last: a channel's own headers cannot override them.
          headers: {
            'user-agent': 'payload-newsroom-webhooks/1',
            ...headers,
            'content-type': 'application/json',
            'content-length': Buffer.byteLength(body),
          },
          agent: options.allowPrivateNetwork
            ? undefined
            : publicOnlyAgents[url.protocol as keyof typeof publicOnlyAgents],
          lookup: options.allowPrivateNetwork ? undefined : publicOnlyLookup,
          timeout: options.timeoutMs,
        },
        (response) => {
          const chunks: Buffer[] = []
          let size = 0
          response.on('data', (chunk: Buffer) => {
            if (size < MAX_RESPONSE_BYTES) chunks.push(chunk.subarray(0, MAX_RESPONSE_BYTES - size))
            size += chunk.length
          })
          response.on('end', () =>
            finish({
              durationMs: Date.now() - started,
              headers: response.headers,
              responseBody: Buffer.concat(chunks).toString('utf8'),
              status: response.statusCode ?? 0,
            }),
          )
          response.on('error', (error) => finish({ durationMs: Date.now() - started, error }))
        },
      )
    } catch (error) {
      // Node refuses a header name or value it cannot send (ERR_INVALID_CHAR, ERR_INVALID_HTTP_TOKEN) by throwing here.
      finish({ durationMs: 0, error: new InvalidRequestError(error) })
      return
    }
    request.on('timeout', () =>
      request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)),
    )
    request.on('error', (error) => finish({ durationMs: Date.now() - started, error }))
    request.end(body)
  })
