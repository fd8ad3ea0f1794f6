import type { PayloadRequest } from 'payload'

import crypto from 'node:crypto'

/** The header an anonymous browser names itself by (a random token it keeps). */
export const READER_TOKEN_HEADER = 'x-reader-token'

const digest = (value: string) =>
  crypto.createHash('sha256').update(value).digest('base64url').slice(0, 32)

/** The signed-in reader (`req.user` of the readers collection), or null. */
export const readerOf = (req: PayloadRequest, readers: string): null | { id: number | string } => {
  const user = req.user as { collection?: string; id: number | string } | null
  return user && user.collection === readers ? user : null
}

/**
 * Who is submitting, as one stable key that names no one in clear: the reader's account, else the
 * browser's token (hashed), else the client address (hashed); staff by their account.
 */
export const submitterKey = (req: PayloadRequest, readers: string, client: string): string => {
  const user = req.user as { collection?: string; id: number | string } | null
  if (user) return `${user.collection === readers ? 'reader' : 'user'}:${String(user.id)}`
  const token = req.headers?.get(READER_TOKEN_HEADER)?.trim()
  if (token) return `token:${digest(token.slice(0, 200))}`
  return `client:${digest(client)}`
}
