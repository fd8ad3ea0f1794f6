import http from 'node:http'
import https from 'node:https'

import net from 'node:net'

import { isPrivateAddress, PrivateAddressError, publicOnlyLookup } from './network'

export type SendResult =
  | { durationMs: number; error?: undefined; headers: http.IncomingHttpHeaders; responseBody: string; status: number }
  | { durationMs: number; error: Error; headers?: undefined; responseBody?: undefined; status?: undefined }

const MAX_RESPONSE_BYTES = 2048

/**
 * One POST, no redirects followed (a 3xx is an answer, not an instruction), a hard timeout, and
 * at most 2 KB of the response kept. Private addresses are refused at DNS time unless allowed.
 */
export const sendRequest = (
  target: string,
  body: string,
  headers: Record<string, string>,
  options: { allowPrivateNetwork: boolean; timeoutMs: number },
): Promise<SendResult> =>
  new Promise((resolve) => {
    const started = Date.now()
    const url = new URL(target)
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
    const request = client.request(
      url,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'user-agent': 'payload-newsroom-webhooks/1', ...headers },
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
          finish({ durationMs: Date.now() - started, headers: response.headers, responseBody: Buffer.concat(chunks).toString('utf8'), status: response.statusCode ?? 0 }),
        )
        response.on('error', (error) => finish({ durationMs: Date.now() - started, error }))
      },
    )
    request.on('timeout', () => request.destroy(new Error(`timed out after ${options.timeoutMs} ms`)))
    request.on('error', (error) => finish({ durationMs: Date.now() - started, error }))
    request.end(body)
  })
