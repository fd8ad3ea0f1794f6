import type { PayloadRequest } from 'payload'

import type { ReporterPagesOptions, SanitizedReporterPagesConfig } from './types'

import { isStaffRequest } from '../shared/staffUser'

// Staff only (the admin's user collection): a signed-in site reader has no roles either.
const defaultCanReassign = ({ req }: { req: PayloadRequest }): boolean => {
  const roles = (req.user as { roles?: unknown } | null)?.roles
  if (!isStaffRequest(req)) return false
  return !Array.isArray(roles) || roles.includes('admin') || roles.includes('editor')
}

export const sanitizeReporterPagesOptions = (
  options: ReporterPagesOptions = {},
): SanitizedReporterPagesConfig => ({
  articles: options.articles ?? 'articles',
  bylineField: options.bylineField ?? 'reporters',
  reporters: options.reporters ?? 'reporters',
  joinField: options.joinField ?? 'articles',
  sort: options.sort ?? '-registeredAt',
  pageSize: options.pageSize ?? 10,
  titleSuffix: options.titleSuffix ?? ' 기자',
  enabled: options.enabled ?? true,
  canReassign: options.canReassign ?? defaultCanReassign,
})
