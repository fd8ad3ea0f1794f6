import type { Access, FieldAccess } from 'payload'

import { sameId } from '../../plugins/shared/relationIds'
import { hasRole } from './roles'

/** Admins see and manage all accounts; anyone else only their own, and anonymous nobody. */
export const isSelfOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}

// A user of the `users` collection (Local API callers may pass one without its `collection`).
const isStaffAccount = (user: { collection?: string }): boolean =>
  (user.collection ?? 'users') === 'users'

/**
 * Staff accounts: every signed-in staff member (admin, editor, reporter) reads the others, so that
 * the admin names a person where it shows one (the edit-lock dialog, the reporters' login
 * accounts); which fields of another account they read is `isSelfOrAdminField`'s. An account of
 * another auth collection, or without a role, reads only its own; anonymous nobody.
 */
export const isStaffOrSelf: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin', 'editor', 'reporter')) return true
  return isStaffAccount(user) ? { id: { equals: user.id } } : false
}

/** A field of an account that only its owner and admins read (roles, reporter link, …). */
export const isSelfOrAdminField: FieldAccess = ({ doc, req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return isStaffAccount(user) && doc !== undefined && sameId(doc?.id, user.id)
}
