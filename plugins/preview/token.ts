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

/** The claim of a token whose signature holds; null for a forged or malformed one. */
export const verifyPreviewToken = (secret: string, token: string): null | PreviewClaim => {
  const [body, signature, extra] = token.split('.')
  if (!body || !signature || extra !== undefined) return null
  const expected = Buffer.from(sign(secret, body))
  const given = Buffer.from(signature)
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null
  try {
    return JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as PreviewClaim
  } catch {
    return null
  }
}

/** What a verified claim opens: the document `id` of `collection`, or without `id` any of it. */
export const judgePreviewClaim = (
  claim: PreviewClaim,
  collection: string,
  id?: string,
  now = Date.now(),
): PreviewCheck => {
  if (claim.collection !== collection || (id !== undefined && claim.id !== id))
    return { ok: false, reason: 'other-document' }
  if (!(claim.exp > now)) return { ok: false, reason: 'expired' }
  return { claim, ok: true }
}

/** Whether `token` opens the document `id` of `collection` (without `id`: the one it names). */
export const checkPreviewToken = (
  secret: string,
  token: string,
  collection: string,
  id?: string,
  now = Date.now(),
): PreviewCheck => {
  const claim = verifyPreviewToken(secret, token)
  return claim ? judgePreviewClaim(claim, collection, id, now) : { ok: false, reason: 'invalid' }
}
