import type { CollectionBeforeOperationHook, Where } from 'payload'

import crypto from 'node:crypto'

// Payload's current password hash (payload/dist/auth/strategies/local/generatePasswordSaltHash.js):
// PBKDF2-SHA256, 600,000 iterations, 32 bytes. test/security/auth.int.spec.ts checks that both
// paths hash with the same parameters, so a change in Payload shows there.
const ITERATIONS = 600_000
const KEY_LENGTH = 32

const dummySalt = crypto.randomBytes(32).toString('hex')

// Called through the module object, as Payload calls it, so the test can count both.
const hashOnce = (password: string): Promise<void> =>
  new Promise((resolve) =>
    crypto.pbkdf2(password, dummySalt, ITERATIONS, KEY_LENGTH, 'sha256', () => resolve()),
  )

/**
 * Payload answers a login with an unknown email at once, and one with a known email only after
 * hashing the password, so the time tells which emails have accounts. This gives the unknown email
 * the same hash (and both the same lookup), before Payload runs the login.
 */
export const equalizeUnknownLogin: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'login' || req.payloadAPI === 'local') return args
  const data = (args as { data?: Record<string, unknown> }).data
  const password = data?.password
  if (typeof password !== 'string' || password.trim() === '') return args
  const email = typeof data?.email === 'string' ? data.email.toLowerCase().trim() : ''
  const username = typeof data?.username === 'string' ? data.username.toLowerCase().trim() : ''
  const name = email || username
  if (!name) return args
  let where: Where = collection.auth.loginWithUsername
    ? { or: [{ username: { equals: name } }, { email: { equals: name } }] }
    : { email: { equals: name } }
  if (collection.trash) where = { and: [where, { deletedAt: { exists: false } }] }
  const user = await req.payload.db.findOne({ collection: collection.slug, req, where })
  if (!user) await hashOnce(password)
  return args
}
