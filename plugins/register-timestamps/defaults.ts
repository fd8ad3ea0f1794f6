import type { PayloadRequest } from 'payload'

import type { RegisterTimestampsOptions, SanitizedRegisterTimestampsConfig } from './types'

/** Never editorial: bookkeeping Payload or this plugin writes. */
export const systemFields = [
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'registeredAt',
  'revisedAt',
  'registeredAtSource',
]

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
