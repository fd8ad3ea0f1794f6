import type { Access } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { isReader } from './isReader'

/**
 * A reader's own scraps only, and nobody else's — not even staff: what a reader saves is theirs.
 * A query, so the database filters and no `where` of the client's reaches past it.
 */
export const ownScraps =
  (config: SanitizedReadersConfig): Access =>
  ({ req }) =>
    isReader(req, config.readersSlug) ? { reader: { equals: req.user!.id } } : false
