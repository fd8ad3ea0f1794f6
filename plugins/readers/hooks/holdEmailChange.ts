import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { validations, ValidationError } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { isReader } from '../access/isReader'
import {
  CONFIRMING_EMAIL,
  emailChangeKey,
  hashEmailToken,
  newEmailToken,
  noPendingEmail,
  normalizeEmail,
  PENDING_EMAIL,
  PENDING_EMAIL_EXPIRES_AT,
  PENDING_EMAIL_TOKEN_HASH,
} from '../emailChange'

/**
 * A reader's new address does not replace the confirmed one: it is kept as `pendingEmail` with
 * a token (its hash stored) and an expiry, and mailed by `mailEmailChange`; `confirmEmailEndpoint`
 * makes it the account's address. Reader managers (admins) and server code without a user change
 * the address directly (a waiting change is then void).
 */
export const holdEmailChange =
  (config: SanitizedReadersConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !originalDoc || req.context?.[CONFIRMING_EMAIL]) return data
    if (typeof data.email !== 'string') return data
    const current = normalizeEmail(String(originalDoc.email ?? ''))
    const requested = normalizeEmail(data.email)
    if (requested === current) return data
    if (!isReader(req, config.readersSlug) || config.canManageReaders(req))
      return { ...data, ...noPendingEmail() }

    const refuse = (message: string) =>
      new ValidationError({ collection: collection.slug, errors: [{ message, path: 'email' }] })
    const valid = await validations.email(requested, {
      collectionSlug: collection.slug,
      req,
      required: true,
      siblingData: data,
    } as never)
    if (valid !== true) throw refuse(valid)
    // The same answer, and no more, than Payload's sign-up gives for an address in use. An address
    // merely waiting on another account is not in use: the first to confirm it gets it.
    const used = await req.payload.count({
      collection: collection.slug as CollectionSlug,
      where: { email: { equals: requested } },
      overrideAccess: true,
      req,
    })
    if (used.totalDocs) throw refuse(req.t('error:userEmailAlreadyRegistered'))

    const token = newEmailToken()
    req.context[emailChangeKey(originalDoc.id)] = { newEmail: requested, oldEmail: current, token }
    return {
      ...data,
      email: originalDoc.email,
      [PENDING_EMAIL]: requested,
      [PENDING_EMAIL_EXPIRES_AT]: new Date(Date.now() + config.pendingEmailTtl).toISOString(),
      [PENDING_EMAIL_TOKEN_HASH]: hashEmailToken(token),
    }
  }
