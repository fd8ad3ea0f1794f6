import type { PayloadRequest } from 'payload'

import type { ReadersOptions, SanitizedReadersConfig } from './types'

import { resolveSiteUrl } from '../shared/siteLinks'
import { isStaffRequest } from '../shared/staffUser'

export const READERS_SLUG = 'readers'
export const SCRAPS_SLUG = 'scraps'

/** Staff admins; where staff accounts have no roles, any staff member. Never a reader. */
const defaultCanManageReaders = (req: PayloadRequest): boolean => {
  if (!isStaffRequest(req)) return false
  const roles = (req.user as { roles?: unknown } | null)?.roles
  return !Array.isArray(roles) || roles.includes('admin')
}

export const sanitizeReadersOptions = (options: ReadersOptions = {}): SanitizedReadersConfig => ({
  enabled: options.enabled ?? true,
  readersSlug: options.readersSlug ?? READERS_SLUG,
  scrapsSlug: options.scrapsSlug ?? SCRAPS_SLUG,
  articles: options.articles ?? 'articles',
  headline: {
    articleUrl: options.articleUrl,
    media: options.media,
    sections: options.sections,
  },
  verifyUrl:
    options.verifyUrl ??
    ((token) => `${resolveSiteUrl(undefined)}/account/verify?token=${encodeURIComponent(token)}`),
  resetPasswordUrl:
    options.resetPasswordUrl ??
    ((token) =>
      `${resolveSiteUrl(undefined)}/account/reset-password?token=${encodeURIComponent(token)}`),
  confirmEmailUrl:
    options.confirmEmailUrl ??
    ((token) =>
      `${resolveSiteUrl(undefined)}/account/confirm-email?token=${encodeURIComponent(token)}`),
  pendingEmailTtl: options.pendingEmailTtl ?? 24 * 60 * 60 * 1000,
  pageSize: options.pageSize ?? 20,
  maxPageSize: Math.max(options.maxPageSize ?? 100, options.pageSize ?? 20),
  canManageReaders: options.canManageReaders ?? defaultCanManageReaders,
  readerOverrides: options.readers?.overrides ?? {},
  scrapOverrides: options.scraps?.overrides ?? {},
})
