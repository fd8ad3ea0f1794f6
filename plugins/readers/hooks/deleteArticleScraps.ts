import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import type { SanitizedReadersConfig } from '../types'

/** A deleted article leaves no scrap pointing at nothing (before the delete: `article` is required). */
export const deleteArticleScraps =
  (config: SanitizedReadersConfig): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    await req.payload.delete({
      collection: config.scrapsSlug as CollectionSlug,
      where: { article: { equals: id } },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }
