import type { CollectionBeforeDeleteHook, CollectionSlug } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { readerDeletionListeners } from '../readerDeletion'

/**
 * "Delete my account and my data": with the account go its scraps, then whatever other reader
 * plugins registered (readerDeletion.ts) — in the deletion's transaction, so all or nothing.
 * Before the account itself: a scrap's required `reader` cannot be left pointing at nothing.
 */
export const deleteReaderData =
  (config: SanitizedReadersConfig): CollectionBeforeDeleteHook =>
  async ({ collection, id, req }) => {
    await req.payload.delete({
      collection: config.scrapsSlug as CollectionSlug,
      where: { reader: { equals: id } },
      overrideAccess: true,
      depth: 0,
      req,
    })
    for (const listener of readerDeletionListeners(req.payload.config))
      await listener({ collection: collection.slug, id, req })
  }
