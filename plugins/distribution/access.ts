import type { Access, FieldAccess } from 'payload'

const rolesOf = (user: unknown): string[] | null => {
  const roles = (user as { roles?: unknown } | null)?.roles
  return Array.isArray(roles) ? roles : null
}

/** Admins manage channels; where users have no roles, any logged-in user does. */
export const canManageChannels: Access = ({ req: { user } }) => {
  if (!user) return false
  const roles = rolesOf(user)
  return roles === null || roles.includes('admin')
}

export const canManageChannelsField: FieldAccess = ({ req: { user } }) => {
  if (!user) return false
  const roles = rolesOf(user)
  return roles === null || roles.includes('admin')
}

/** The desk (admins and editors) watches deliveries and channel health. */
export const canReadDistribution: Access = ({ req: { user } }) => {
  if (!user) return false
  const roles = rolesOf(user)
  return roles === null || roles.includes('admin') || roles.includes('editor')
}
