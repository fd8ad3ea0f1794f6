import type { CollectionBeforeValidateHook } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { isReader } from '../access/isReader'

/** A reader's scrap is always in their own name, whatever the request's body says. */
export const setScrapReader =
  (config: SanitizedReadersConfig): CollectionBeforeValidateHook =>
  ({ data, operation, req }) => {
    if (operation !== 'create' || !data) return data
    if (isReader(req, config.readersSlug)) data.reader = req.user!.id
    return data
  }
