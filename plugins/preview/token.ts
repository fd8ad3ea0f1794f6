import { createHmac, timingSafeEqual } from 'node:crypto'

/**
 * Where a request carries a preview token: `?preview=` on reads of the collection, `?token=` in the
 * links to the preview endpoint, or the header. Here, with no Payload import, for the HTTP cache
 * (plugins/http-cache), which must know before access runs.
 */
export const PREVIEW_READ_PARAM = 'preview'
export const PREVIEW_LINK_PARAM = 'token'
export const PREVIEW_HEADER = 'x-preview-token'

/** What a preview token grants: reading one document's latest draft until `exp` (ms). */
export type PreviewClaim = { collection: string; exp: number; id: string }

const key = (secret: string) => createHmac('sha256', secret).update('newsroom-preview').digest()
const sign = (secret: string, body: string) =>
  createHmac('sha256', key(secret)).update(body).digest('base64url')

/** `<claim, base64url JSON>.<HMAC-SHA256>`, signed with a key derived from Payload's secret. */
export const mintPreviewToken = (secret: string, claim: PreviewClaim): string => {
  const body = Buffer.from(JSON.stringify(claim)).toString('base64url')
  return `${body}.${sign(secret, body)}`
}

export type PreviewCheck =
  | { claim: PreviewClaim; ok: true }
  | { ok: false; reason: 'expired' | 'invalid' | 'other-document' }

export const checkPreviewToken = (
  secret: string,
  token: string,
  collection: string,
  id: string,
  now = Date.now(),
): PreviewCheck => {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return { ok: false, reason: 'invalid' }
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    return { ok: false, reason: 'invalid' }
  let claim: PreviewClaim
  try {
    claim = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PreviewClaim
  } catch {
    return { ok: false, reason: 'invalid' }
  }
  if (claim.collection !== collection || claim.id !== id)
    return { ok: false, reason: 'other-document' }
  if (!(claim.exp > now)) return { ok: false, reason: 'expired' }
  return { claim, ok: true }
}

/** The claim of a valid, unexpired token for `collection`, whatever document it names; else null. */
export const readPreviewClaim = (
  secret: string,
  token: string,
  collection: string,
  now = Date.now(),
): null | PreviewClaim => {
  const [body] = token.split('.')
  let claimed: Partial<PreviewClaim> = {}
  try {
    claimed = JSON.parse(Buffer.from(body ?? '', 'base64url').toString('utf8')) as PreviewClaim
  } catch {
    return null
  }
  if (typeof claimed.id !== 'string') return null
  const check = checkPreviewToken(secret, token, collection, claimed.id, now)
  return check.ok ? check.claim : null
}
