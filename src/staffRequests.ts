import type { IncomingMessage } from 'node:http'

import crypto from 'node:crypto'
import { parseCookies } from 'payload/shared'

import { carriesCredentials } from '../plugins/shared/sessionCredentials'

/**
 * Which requests come from signed-in staff, decided before Payload runs: the server starts them
 * ahead of readers' requests (src/admission.ts).
 *
 * Why: during a flood of readers, the desk must still be able to publish and correct. Behind 3000
 * connections of fresh reads, an editor's save waited 14.5 s in the queue (`npm run bench:http`,
 * scenario z).
 *
 * What counts is a token Payload signed for a user of the admin's collection that has not
 * expired: a Payload JWT (HS256 with the instance's derived secret, Payload's auth version),
 * found where Payload looks for it, in the order of `auth.jwtOrder`: `Authorization: JWT …` or
 * `Bearer …`, or the `<cookiePrefix>-token` cookie (read with Payload's own `parseCookies`;
 * Payload's check of the cookie's origin is not repeated). The check costs microseconds, and a
 * made-up token does not pass it, so a flood cannot jump the queue by sending one. It only decides
 * the order: Payload still authenticates the request as always, and refuses a session ended since.
 */
type StaffTokenCheck = { cookieName: string; jwtOrder: readonly string[]; key: Buffer; userCollection: string }

type PayloadLike = { config: { admin: { user: string }; auth: { jwtOrder: readonly string[] }; cookiePrefix: string }; secret: string }

// Payload's `JWT_AUTH_VERSION`, in the protected header of every token it signs.
const PAYLOAD_JWT_AUTH_VERSION = 1
const BASE64URL = /^[\w-]+$/

// On globalThis: Payload initialises in Next.js's bundle (src/instrumentation.ts), the server outside it.
const HOLDER = Symbol.for('payload-newsroom.staffTokenCheck')
const holder = globalThis as unknown as Record<symbol, StaffTokenCheck | undefined>

/** Called once Payload has initialised, with its key; until then no request counts as staff. */
export const publishStaffTokenKey = (payload: PayloadLike): void => {
  holder[HOLDER] = {
    cookieName: `${payload.config.cookiePrefix}-token`,
    jwtOrder: payload.config.auth.jwtOrder,
    // Payload signs with the UTF-8 bytes of its derived secret (`payload.secret`).
    key: Buffer.from(payload.secret, 'utf8'),
    userCollection: payload.config.admin.user,
  }
}

const tokenOf = (incoming: Pick<IncomingMessage, 'headers'>, check: StaffTokenCheck): null | string => {
  const authorization = incoming.headers.authorization
  for (const place of check.jwtOrder) {
    if (place === 'JWT' && authorization?.startsWith('JWT ')) return authorization.slice(4)
    if (place === 'Bearer' && authorization?.startsWith('Bearer ')) return authorization.slice(7)
    if (place === 'cookie' && incoming.headers.cookie) {
      const token = parseCookies(new Headers({ cookie: incoming.headers.cookie })).get(check.cookieName)
      if (token) return token
    }
  }
  return null
}

const decoded = (part: string): null | Record<string, unknown> => {
  try {
    const value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8')) as unknown
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : null
  } catch {
    return null
  }
}

export const isStaffRequest = (incoming: Pick<IncomingMessage, 'headers'>, now = Date.now()): boolean => {
  const check = holder[HOLDER]
  if (!check || !carriesCredentials((name) => incoming.headers[name] as string | undefined)) return false
  const token = tokenOf(incoming, check)
  if (!token) return false
  const parts = token.split('.')
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) return false
  const [header, claims, signature] = parts as [string, string, string]
  const expected = crypto.createHmac('sha256', check.key).update(`${header}.${claims}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false
  const protectedHeader = decoded(header)
  const payload = decoded(claims)
  return (
    protectedHeader?.authVersion === PAYLOAD_JWT_AUTH_VERSION &&
    payload?.collection === check.userCollection &&
    (typeof payload.id === 'number' || typeof payload.id === 'string') &&
    typeof payload.exp === 'number' &&
    payload.exp * 1000 > now
  )
}
