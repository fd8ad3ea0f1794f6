import type { PayloadRequest } from 'payload'

export const roleOptions = ['admin', 'editor', 'reporter'] as const
export type Role = (typeof roleOptions)[number]

type UserWithRoles = { roles?: null | readonly string[] } | null | undefined

export const hasRole = (user: UserWithRoles, ...roles: Role[]): boolean =>
  Boolean(user?.roles?.some((role) => (roles as string[]).includes(role)))

/** The id of the reporter profile a user writes as, or null. */
export const reporterIdOf = (user: PayloadRequest['user']): null | number | string => {
  const reporter = (user as { reporter?: unknown } | null)?.reporter
  if (reporter === null || reporter === undefined) return null
  if (typeof reporter === 'object') return (reporter as { id: number | string }).id
  return reporter as number | string
}
