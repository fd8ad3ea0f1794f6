import type { IncomingMessage } from 'node:http'

import crypto from 'node:crypto'

/**
 * Which requests come from signed-in staff, decided before Payload runs: the server starts them
 * ahead of readers' requests (src/admission.ts).
 *
 * Why: during a flood of readers, the desk must still be able to publish and correct. Behind 3000
 * connections of fresh reads, an editor's save waited 14.5 s in the queue (`npm run bench:http`,
 * scenario z).
 *
 * What counts is a token Payload signed for a user of the admin's collection that has not
 * expired: a Payload JWT (HS256 with the instance's derived secret), from `Authorization: JWT …` or
 * `Bearer …` or the `<cookiePrefix>-token` cookie. The check costs microseconds, and a made-up
 * token does not pass it, so a flood cannot jump the queue by sending one. It only decides the
 * order: Payload still authenticates the request as always (and refuses a session ended since).
 */
type StaffTokens = { cookieName: string; key: Buffer; userCollection: string }

type PayloadLike = { config: { admin: { user: string }; cookiePrefix: string }; secret: string }

// On globalThis: Payload initialises in Next.js's bundle (src/instrumentation.ts), the server outside it.
const HOLDER = Symbol.for('payload-newsroom.staffTokens')
const holder = globalThis as unknown as Record<symbol, StaffTokens | undefined>

/** Called once Payload has initialised; until then no request counts as staff. */
export const publishStaffTokens = (payload: PayloadLike): void => {
  holder[HOLDER] = {
    cookieName: `${payload.config.cookiePrefix}-token`,
    // Payload signs with the UTF-8 bytes of its derived secret (`payload.secret`).
    key: Buffer.from(payload.secret, 'utf8'),
    userCollection: payload.config.admin.user,
  }
}

const cookieValue = (cookieHeader: string, name: string): null | string => {
  for (const part of cookieHeader.split(';')) {
    const at = part.indexOf('=')
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return null
}

const tokenOf = (incoming: Pick<IncomingMessage, 'headers'>, cookieName: string): null | string => {
  const authorization = incoming.headers.authorization
  if (authorization?.startsWith('JWT ')) return authorization.slice(4)
  if (authorization?.startsWith('Bearer ')) return authorization.slice(7)
  return incoming.headers.cookie ? cookieValue(incoming.headers.cookie, cookieName) : null
}

export const isStaffRequest = (incoming: Pick<IncomingMessage, 'headers'>, now = Date.now()): boolean => {
  const tokens = holder[HOLDER]
  if (!tokens) return false
  const token = tokenOf(incoming, tokens.cookieName)
  if (!token) return false
  const parts = token.split('.')
  if (parts.length !== 3) return false
  const [header, claims, signature] = parts as [string, string, string]
  const expected = crypto.createHmac('sha256', tokens.key).update(`${header}.${claims}`).digest()
  const given = Buffer.from(signature, 'base64url')
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return false
  try {
    const { collection, exp } = JSON.parse(Buffer.from(claims, 'base64url').toString('utf8')) as { collection?: unknown; exp?: unknown }
    return collection === tokens.userCollection && typeof exp === 'number' && exp * 1000 > now
  } catch {
    return false
  }
}
