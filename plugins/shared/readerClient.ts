import type { CollectionSlug, PayloadRequest } from 'payload'

import crypto from 'node:crypto'
import { isValidID } from 'payload'

import { clientAddress } from '../login-throttle/clientAddress'
import { RateLimitedError } from '../login-throttle/errors'
import { InputError } from './inputError'

/*
 * Who a public request comes from, one way for every reader plugin (votes, views, visitors,
 * reports, inquiries): the signed-in reader, the browser's own token, the client address, and
 * opaque keys of them; and the one 429 answer of their rate limits.
 */

/** The header an anonymous browser sends its own random token in (kept in its local storage). */
export const READER_TOKEN_HEADER = 'x-reader-token'
/** The cookie a frontend may set instead of the header (same value rules). */
export const READER_TOKEN_COOKIE = 'newsroom-reader'

const TOKEN_PATTERN = /^[\w-]{16,128}$/

const cookieValue = (header: null | string, name: string): string | undefined => {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=')
    if (key === name) return decodeURIComponent(rest.join('='))
  }
  return undefined
}

/** The browser's token as sent (header, else cookie), unchecked; undefined when absent or empty. */
const sentTokenOf = (req: PayloadRequest): string | undefined => {
  const token =
    req.headers.get(READER_TOKEN_HEADER)?.trim() ??
    cookieValue(req.headers.get('cookie'), READER_TOKEN_COOKIE)
  return token ? token : undefined
}

/**
 * The browser's token from the `x-reader-token` header (or the `newsroom-reader` cookie): 16–128
 * URL-safe characters. Undefined when absent; a malformed one is the reader's error (400).
 */
export const readerTokenOf = (req: PayloadRequest): string | undefined => {
  const token = sentTokenOf(req)
  if (token === undefined) return undefined
  if (!isReaderToken(token))
    throw new InputError(
      `${READER_TOKEN_HEADER}: 16~128자의 영문·숫자·-·_ 이어야 합니다 (${READER_TOKEN_HEADER} must be 16–128 URL-safe characters)`,
    )
  return token
}

/** The client's address as the rate limits see it (see login-throttle/clientAddress.ts). */
export const readerAddressOf = (req: PayloadRequest, trustedProxies: number): string =>
  clientAddress(req.headers, trustedProxies) ?? 'unknown'

/**
 * An opaque key for an identity (a reader, a browser): an HMAC under the app's secret, so that
 * stored keys and store keys name nobody and cannot be reversed into a token or an address.
 */
export const opaqueKey = (req: PayloadRequest, ...parts: string[]): string =>
  crypto
    .createHmac('sha256', req.payload.secret)
    .update(parts.join('\u0000'))
    .digest('base64url')
    .slice(0, 32)

/** The signed-in reader (`req.user` of the readers collection `readersSlug`), or null. */
export const readerOf = (
  req: PayloadRequest,
  readersSlug: string,
): null | { collection: string; id: number | string } => {
  const user = req.user as { collection?: string; id?: number | string } | null
  return user?.id !== undefined && user.collection === readersSlug
    ? { collection: user.collection, id: user.id }
    : null
}

/**
 * Who submits (a report), as one stable key that names no one in clear: a signed-in account
 * (reader or staff), else the browser's token, else the client address, these two as opaque keys.
 * Any token counts here (reports take what a browser sends; votes require a well-formed one).
 */
export const submitterKey = (
  req: PayloadRequest,
  readersSlug: string,
  trustedProxies: number,
): string => {
  const user = req.user as { collection?: string; id: number | string } | null
  if (user) return `${user.collection === readersSlug ? 'reader' : 'user'}:${String(user.id)}`
  const token = sentTokenOf(req)
  if (token) return `token:${opaqueKey(req, 'token', token.slice(0, 200))}`
  return `client:${opaqueKey(req, 'address', readerAddressOf(req, trustedProxies))}`
}

/**
 * The browser a view or a heartbeat comes from: its token when it sends one, else its address
 * and User-Agent together (a shared address with different browsers counts each).
 */
export const browserKeyOf = (req: PayloadRequest, trustedProxies: number): string =>
  browserKeyFrom(req, {
    address: readerAddressOf(req, trustedProxies),
    token: readerTokenOf(req),
    userAgent: req.headers.get('user-agent') ?? '',
  })

/** browserKeyOf's key from its parts (the view log has them without a request). */
export const browserKeyFrom = (
  req: PayloadRequest,
  { address, token, userAgent }: { address: string; token: string | undefined; userAgent: string },
): string =>
  token ? opaqueKey(req, 'token', token) : opaqueKey(req, 'address', address, userAgent)

/** Whether a browser token sent in a header or cookie is well-formed (readerTokenOf's rule). */
export const isReaderToken = (token: string): boolean => TOKEN_PATTERN.test(token)

/** Whether the User-Agent is a crawler's, a link preview's or a script's (or missing). */
export const isBotAgent = (userAgent: null | string | undefined, patterns: RegExp[]): boolean => {
  if (!userAgent?.trim()) return true
  return patterns.some((pattern) => pattern.test(userAgent))
}

/** `raw` as an id of `collection`, when it can be one at all; else undefined (a 404). */
export const documentIdOf = (
  req: PayloadRequest,
  collection: string,
  raw: unknown,
): number | string | undefined => {
  if (typeof raw !== 'string' && typeof raw !== 'number') return undefined
  const text = String(raw)
  const custom = req.payload.collections[collection as CollectionSlug]?.customIDType
  const type = custom ?? req.payload.db.defaultIDType
  if (type === 'number') return /^\d{1,15}$/.test(text) ? Number(text) : undefined
  // PostgreSQL with uuid ids ('text' to Payload): anything else is no row (and an SQL error).
  if (!custom && (req.payload.db as { idType?: string }).idType === 'uuid')
    return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(text)
      ? text
      : undefined
  // MongoDB's own ids are ObjectIds ('text' to Payload): anything else matches nothing.
  if (!custom && req.payload.db.name === 'mongoose')
    return isValidID(text, 'ObjectID') && /^[0-9a-f]{24}$/i.test(text) ? text : undefined
  return isValidID(text, type) ? text : undefined
}

/** The route's `:id`, when it can be an id of `collection` at all; else undefined (a 404). */
export const routeIdOf = (req: PayloadRequest, collection: string): number | string | undefined =>
  documentIdOf(req, collection, req.routeParams?.id)

/**
 * 429 with `Retry-After` from an endpoint, the very answer a thrown RateLimitedError gets
 * (login-throttle's formatRateLimitedError): `{ errors: [{ message, code: 'RATE_LIMITED' }] }`.
 */
export const rateLimitedResponse = (req: PayloadRequest, retryAfterSeconds: number): Response => {
  const error = new RateLimitedError(retryAfterSeconds, req)
  return Response.json(
    { errors: [{ message: error.message, code: error.code }] },
    { status: 429, headers: { 'retry-after': String(error.retryAfterSeconds) } },
  )
}

/** A JSON body as an object, or the reader's error (400). */
export const jsonBodyOf = async (req: PayloadRequest): Promise<Record<string, unknown>> => {
  let body: unknown
  try {
    body = req.json ? await req.json() : undefined
  } catch {
    throw new InputError('본문이 올바른 JSON이 아닙니다 (the body is not valid JSON)')
  }
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new InputError('본문은 JSON 객체여야 합니다 (the body must be a JSON object)')
  return body as Record<string, unknown>
}
