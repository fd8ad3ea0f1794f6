import type { FieldHook } from 'payload'

import type { SanitizedRelatedNewsConfig } from './types'

import { idsOf } from '../shared/relationIds'
import { loadByIds } from '../shared/loadByIds'
import { hasDrafts } from '../shared/publication'

export type RelatedItem = { id: string; regionLabel?: null | string; registeredAt?: null | string; slug?: null | string; title: string }

/**
 * `related` on read: editors' picks first, then stored suggestions; published only, no
 * duplicates, at most `readLimit`. One query whatever the number of links, shared by all documents
 * of a list.
 */
export const readRelated =
  (config: SanitizedRelatedNewsConfig): FieldHook =>
  async ({ collection, currentDepth, req, siblingData }) => {
    // Only for the article being read, not for articles populated inside it.
    if (!collection || !siblingData || (currentDepth ?? 1) > 1) return []
    const ordered = [...new Map([...idsOf(siblingData.relatedArticles), ...idsOf(siblingData.relatedSuggestions)].map((id) => [String(id), id])).values()].filter(
      (id) => String(id) !== String(siblingData.id),
    )
    if (ordered.length === 0) return []
    const names = new Set(collection.flattenedFields.map((field) => field.name))
    const select = Object.fromEntries(['title', 'slug', 'regionLabel', '_status', config.fields.date].filter((name) => names.has(name)).map((name) => [name, true as const]))
    const loaded = await loadByIds(req, collection.slug, ordered, select, { shouldSkipReadHooks: true })
    const isPublished = (doc: Record<string, unknown>) => !hasDrafts(collection) || doc._status === 'published'
    const byId = new Map([...loaded].filter(([, doc]) => isPublished(doc)))
    return ordered
      .flatMap((id): Record<string, unknown>[] => {
        const doc = byId.get(String(id))
        return doc ? [doc] : []
      })
      .slice(0, config.readLimit)
      .map(
        (doc): RelatedItem => ({
          id: String(doc.id),
          title: doc.title as string,
          slug: (doc.slug as string | undefined) ?? null,
          regionLabel: (doc.regionLabel as string | undefined) ?? null,
          registeredAt: (doc[config.fields.date] as string | undefined) ?? null,
        }),
      )
  }
