import type { Access, FieldAccess, PayloadRequest } from 'payload'

import { isStaffRequest } from '../shared/staffUser'

/**
 * The roles of a staff account (the admin's user collection), or null where staff have no roles.
 * An account of another auth collection (a site reader) is no staff member: it gets [] (nothing).
 */
const rolesOf = (req: PayloadRequest): null | string[] => {
  if (!isStaffRequest(req)) return []
  const roles = (req.user as { roles?: unknown } | null)?.roles
  return Array.isArray(roles) ? roles : null
}

/** Admins manage channels; where staff have no roles, any signed-in staff member does. */
export const canManageChannels: Access = ({ req }) => {
  if (!req.user) return false
  const roles = rolesOf(req)
  return roles === null || roles.includes('admin')
}

export const canManageChannelsField: FieldAccess = ({ req }) => {
  if (!req.user) return false
  const roles = rolesOf(req)
  return roles === null || roles.includes('admin')
}

/** The desk (admins and editors) watches deliveries and channel health. */
export const canReadDistribution: Access = ({ req }) => {
  if (!req.user) return false
  const roles = rolesOf(req)
  return roles === null || roles.includes('admin') || roles.includes('editor')
}
