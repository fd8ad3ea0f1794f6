import type { PayloadRequest } from 'payload'

type UserLike = { collection?: string } | null | undefined

/**
 * Whether `user` is an account of the admin's user collection (`config.admin.user`, the staff),
 * not of another auth collection such as the site's `readers`. A signed-in reader is no staff
 * member: every "any signed-in user may" default asks this instead of `Boolean(req.user)`.
 * Local API callers may pass a user without its `collection`; such a user counts as staff.
 */
export const isStaffAccount = (
  user: UserLike,
  adminCollection: string | undefined = 'users',
): boolean => Boolean(user) && (user?.collection ?? adminCollection) === adminCollection

/** The request is signed in to the admin's user collection (staff). */
export const isStaffRequest = (req: Pick<PayloadRequest, 'payload' | 'user'>): boolean =>
  isStaffAccount(req.user, req.payload?.config?.admin?.user ?? 'users')

/** A staff request (see `isStaffRequest`) whose account holds one of `roles`: the plugins' default desk rules. */
export const isStaffWithRole = (
  req: Pick<PayloadRequest, 'payload' | 'user'>,
  ...roles: string[]
): boolean =>
  isStaffRequest(req) &&
  ((req.user as { roles?: null | string[] } | null)?.roles ?? []).some((role) =>
    roles.includes(role),
  )
