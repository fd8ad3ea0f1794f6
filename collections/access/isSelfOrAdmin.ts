import type { Access } from 'payload'

import { hasRole } from './roles'

/** Admins see and manage all accounts; anyone else only their own, and anonymous nobody. */
export const isSelfOrAdmin: Access = ({ req: { user } }) => {
  if (!user) return false
  if (hasRole(user, 'admin')) return true
  return { id: { equals: user.id } }
}
