import type { CollectionAfterDeleteHook, CollectionSlug } from 'payload'

import type { SanitizedRelatedNewsConfig } from '../types'

import { idsOf, sameId } from '../../shared/relationIds'
import { writeDerivedFields } from '../../shared/writeRelations'
import { queueRefresh } from './queueSuggestionRefresh'
import { hasDrafts } from '../../shared/publication'

/** A deleted article leaves no dangling link behind, in picks or in stored suggestions. */
export const unlinkDeletedArticle =
  (config: SanitizedRelatedNewsConfig): CollectionAfterDeleteHook =>
  async ({ collection, id, req }) => {
    if (!config.enabled) return
    const linking = await req.payload.find({
      collection: collection.slug as CollectionSlug,
      depth: 0,
      draft: hasDrafts(collection),
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { relatedArticles: true, relatedSuggestions: true } as never,
      where: { or: [{ relatedArticles: { in: [id] } }, { relatedSuggestions: { in: [id] } }] },
    })
    for (const doc of linking.docs as unknown as Record<string, unknown>[]) {
      await writeDerivedFields({
        collection: collection.slug,
        data: {
          relatedArticles: idsOf(doc.relatedArticles).filter((pick) => !sameId(pick, id)),
          relatedSuggestions: idsOf(doc.relatedSuggestions).filter((pick) => !sameId(pick, id)),
        },
        id: doc.id as number | string,
        req,
      })
    }
    await queueRefresh(collection.slug, id, req)
  }
