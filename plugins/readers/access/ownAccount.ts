import type { Access } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { isReader } from './isReader'

/**
 * A reader's own account only (a query, so `where` cannot reach past it); reader managers (admins)
 * every account; anybody else, staff included, none.
 */
export const ownAccount =
  (config: SanitizedReadersConfig): Access =>
  ({ req }) => {
    if (config.canManageReaders(req)) return true
    if (!isReader(req, config.readersSlug)) return false
    return { id: { equals: req.user!.id } }
  }
