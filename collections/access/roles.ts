import type { PayloadRequest } from 'payload'

import { isStaffAccount } from '../../plugins/shared/staffUser'

export const roleOptions = ['admin', 'editor', 'reporter'] as const
export type Role = (typeof roleOptions)[number]

type UserWithRoles = { collection?: string; roles?: null | readonly string[] } | null | undefined

/**
 * Whether a staff account (of `users`) holds one of `roles`. An account of another auth collection
 * (a site reader) never does, whatever fields that collection has.
 */
export const hasRole = (user: UserWithRoles, ...roles: Role[]): boolean =>
  isStaffAccount(user, 'users') &&
  Boolean(user?.roles?.some((role) => (roles as string[]).includes(role)))

/** The id of the reporter profile a user writes as, or null. */
export const reporterIdOf = (user: PayloadRequest['user']): null | number | string => {
  const reporter = (user as { reporter?: unknown } | null)?.reporter
  if (reporter === null || reporter === undefined) return null
  if (typeof reporter === 'object') return (reporter as { id: number | string }).id
  return reporter as number | string
}
