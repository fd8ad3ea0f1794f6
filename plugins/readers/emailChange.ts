import { createHash, randomBytes } from 'node:crypto'

/**
 * A reader's change of address waits for the new address's confirmation (DESIGN.md, "Reader
 * features"): the account keeps its confirmed `email` until the link mailed to `pendingEmail` is
 * followed. Only the token's hash is stored, so a read of the database yields no usable link.
 */
export const PENDING_EMAIL = 'pendingEmail'
export const PENDING_EMAIL_EXPIRES_AT = 'pendingEmailExpiresAt'
export const PENDING_EMAIL_TOKEN_HASH = 'pendingEmailTokenHash'

/** `req.context` flag of the confirmation's own update: it moves `email` itself. */
export const CONFIRMING_EMAIL = 'readersConfirmingEmail'

/** `req.context` key under which the request's change waits for its mails (afterChange). */
export const emailChangeKey = (id: number | string): string => `readersEmailChange:${String(id)}`

export type EmailChangeMail = { newEmail: string; oldEmail: string; token: string }

export const newEmailToken = (): string => randomBytes(32).toString('base64url')

export const hashEmailToken = (token: string): string =>
  createHash('sha256').update(token).digest('hex')

/** As Payload stores an auth collection's `email`. */
export const normalizeEmail = (value: string): string => value.toLowerCase().trim()

/** The pending fields emptied: no change waiting. */
export const noPendingEmail = () => ({
  [PENDING_EMAIL]: null,
  [PENDING_EMAIL_EXPIRES_AT]: null,
  [PENDING_EMAIL_TOKEN_HASH]: null,
})

/** `ab***@example.com`: enough for the owner to recognise, not the whole address. */
export const maskEmail = (email: string): string => {
  const at = email.lastIndexOf('@')
  if (at < 1) return '***'
  return `${email.slice(0, Math.min(2, at))}***${email.slice(at)}`
}
