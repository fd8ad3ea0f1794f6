import type { PayloadRequest } from 'payload'

import type { InquiriesOptions, SanitizedInquiriesConfig } from './types'

import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'

export const INQUIRIES_SLUG = 'inquiries'
export const SEND_INQUIRY_TASK = 'sendInquiryEmail'

const rolesOf = (req: PayloadRequest): string[] =>
  (req.user as { roles?: string[] } | null)?.roles ?? []

const defaultIsDesk = (req: PayloadRequest): boolean =>
  rolesOf(req).some((role) => role === 'admin' || role === 'editor')

const defaultReporterOf = (req: PayloadRequest): null | number | string => {
  const reporter = (req.user as { reporter?: unknown } | null)?.reporter
  if (reporter === null || reporter === undefined) return null
  return typeof reporter === 'object'
    ? (reporter as { id: number | string }).id
    : (reporter as number | string)
}

export const sanitizeInquiriesOptions = (
  options: InquiriesOptions = {},
): SanitizedInquiriesConfig => ({
  slug: options.slug ?? INQUIRIES_SLUG,
  reporters: options.reporters ?? 'reporters',
  readers: options.readers ?? 'readers',
  users: options.users ?? 'users',
  isDesk: options.isDesk ?? defaultIsDesk,
  reporterOf: options.reporterOf ?? defaultReporterOf,
  deskRoles: options.deskRoles ?? ['editor'],
  maxLengths: {
    name: 100,
    email: 254,
    phone: 30,
    subject: 200,
    message: 5000,
    ...options.maxLengths,
  },
  honeypotField: options.honeypotField ?? 'website',
  perClient: options.perClient ?? { points: 5, durationSeconds: 60 * 60 },
  perReader: options.perReader ?? { points: 10, durationSeconds: 60 * 60 },
  redis: options.redis ?? (process.env.REDIS_URL?.trim() || null),
  keyPrefix: options.keyPrefix ?? 'inquiries',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  notify: options.notify ?? true,
  adminOrigin: options.adminOrigin,
  enabled: options.enabled ?? true,
})
