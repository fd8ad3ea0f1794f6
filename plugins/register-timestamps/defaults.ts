import type { PayloadRequest } from 'payload'

import type { RegisterTimestampsOptions, SanitizedRegisterTimestampsConfig } from './types'

import { isStaffRequest } from '../shared/staffUser'
import { SAVE_STAMPS } from '../shared/storedChange'

/** Never editorial: every save's own stamps (shared/storedChange.ts) and this plugin's. */
export const systemFields = [...SAVE_STAMPS, 'registeredAt', 'revisedAt', 'registeredAtSource']

export const defaultCanSetRegisteredAt = ({ req }: { req: PayloadRequest }): boolean => {
  const user = req.user as ({ roles?: unknown } & Record<string, unknown>) | null
  // Server code calling the Local API without a user (imports, seeding) is trusted.
  if (!user) return req.payloadAPI === 'local'
  // A signed-in site reader (another auth collection) has no roles and is no staff member.
  if (!isStaffRequest(req)) return false
  if (!Array.isArray(user.roles)) return true
  return user.roles.includes('admin') || user.roles.includes('editor')
}

export const sanitizeRegisterTimestampsOptions = (
  options: RegisterTimestampsOptions,
): SanitizedRegisterTimestampsConfig => ({
  collections: options.collections,
  enabled: options.enabled ?? true,
  editorialFields: options.editorialFields ?? null,
  ignoreFields: options.ignoreFields ?? [],
  canSetRegisteredAt: options.canSetRegisteredAt ?? defaultCanSetRegisteredAt,
})
