import type { PayloadRequest } from 'payload'

import type { RegisterTimestampsOptions, SanitizedRegisterTimestampsConfig } from './types'

import { SAVE_STAMPS } from '../shared/storedChange'

/** Never editorial: every save's own stamps (shared/storedChange.ts) and this plugin's. */
export const systemFields = [...SAVE_STAMPS, 'registeredAt', 'revisedAt', 'registeredAtSource']

export const defaultCanSetRegisteredAt = ({ req }: { req: PayloadRequest }): boolean => {
  const user = req.user as ({ roles?: unknown } & Record<string, unknown>) | null
  // Server code calling the Local API without a user (imports, seeding) is trusted.
  if (!user) return req.payloadAPI === 'local'
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
