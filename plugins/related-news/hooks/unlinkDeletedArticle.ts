import type { CollectionAfterDeleteHook, CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedRelatedNewsConfig } from '../types'

import { idsOf, sameId } from '../../shared/relationIds'
import { savesKeyOf, withLocks } from '../../shared/documentLock'
import { writeDerivedFields } from '../../shared/writeRelations'
import { queueRefresh } from './queueSuggestionRefresh'
import { hasDrafts } from '../../shared/publication'

/** A deleted article leaves no dangling link behind, in picks or in stored suggestions. */
export const unlinkDeletedArticle =
  (config: SanitizedRelatedNewsConfig): CollectionAfterDeleteHook =>
  async ({ collection, id, req }) => {
    if (!config.enabled) return
    await withLocks(req, [savesKeyOf(collection.slug)], (req) =>
      unlinkFrom(collection.slug, hasDrafts(collection), id, req),
    )
    await queueRefresh(collection.slug, id, req)
  }

/** Drops `id` from every article's picks and suggestions, read and written under the collection's save lock. */
const unlinkFrom = async (
  slug: string,
  isDraftEnabled: boolean,
  id: number | string,
  req: PayloadRequest,
): Promise<void> => {
  const linking = await req.payload.find({
    collection: slug as CollectionSlug,
    depth: 0,
    draft: isDraftEnabled,
    limit: 0,
    overrideAccess: true,
    pagination: false,
    req,
    select: { relatedArticles: true, relatedSuggestions: true } as never,
    where: { or: [{ relatedArticles: { in: [id] } }, { relatedSuggestions: { in: [id] } }] },
  })
  for (const doc of linking.docs as unknown as Record<string, unknown>[]) {
    await writeDerivedFields({
      collection: slug,
      data: {
        relatedArticles: idsOf(doc.relatedArticles).filter((pick) => !sameId(pick, id)),
        relatedSuggestions: idsOf(doc.relatedSuggestions).filter((pick) => !sameId(pick, id)),
      },
      id: doc.id as number | string,
      reason: 'unlinkDeleted',
      req,
    })
  }
}
