import type { CollectionSlug, TaskConfig } from 'payload'

import type { SanitizedRelatedNewsConfig } from '../types'

import { loadByIds } from '../../shared/loadByIds'
import { idsOf, sameId } from '../../shared/relationIds'
import { publishedOnly } from '../../shared/publication'
import { writeDerivedFields } from '../../shared/writeRelations'
import { findSuggestions } from '../findSuggestions'
import { REFRESH_TASK } from '../hooks/queueSuggestionRefresh'

/**
 * Recomputes the stored suggestions of the documents a change can affect: those that suggest the
 * changed document now, and those it would now be suggested for (its own best candidates).
 */
export const refreshRelatedSuggestionsTask = (
  config: SanitizedRelatedNewsConfig,
): TaskConfig<{ input: { collection: string; id: string }; output: { refreshed: number } }> => ({
  slug: REFRESH_TASK,
  label: 'Refresh related-news suggestions',
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
  ],
  outputSchema: [{ name: 'refreshed', type: 'number' }],
  retries: 3,
  handler: async ({ input, req }) => {
    const { collection, id } = input as { collection: string; id: string }
    const slug = collection as CollectionSlug
    const collectionConfig = req.payload.collections[slug]?.config
    if (!collectionConfig) return { output: { refreshed: 0 } }
    const published = publishedOnly(collectionConfig)
    // Only what scoring reads: without a select every read would also compute the article's
    // related/adjacent/structured-data fields.
    const names = new Set(collectionConfig.flattenedFields.map((field) => field.name))
    const subjectSelect = Object.fromEntries(
      [config.fields.keywords, config.fields.region, config.fields.section, 'relatedSuggestions']
        .filter((name) => names.has(name))
        .map((name) => [name, true]),
    ) as Record<string, true>

    const changed = await req.payload.find({
      collection: slug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      pagination: false,
      req,
      select: subjectSelect,
      where: { and: [{ id: { equals: id } }, ...published] },
    })
    const isLive = changed.docs.length > 0
    const suggesting = await req.payload.find({
      collection: slug,
      depth: 0,
      limit: config.refreshLimit,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { and: [{ relatedSuggestions: { in: [id] } }, ...published] },
    })
    const affected = new Map<string, number | string>(
      suggesting.docs.map((doc) => [String(doc.id), doc.id]),
    )
    if (isLive) {
      for (const candidate of await findSuggestions(
        config,
        collection,
        changed.docs[0] as never,
        req,
      )) {
        if (affected.size >= config.refreshLimit) break
        affected.set(String(candidate), candidate)
      }
    }
    affected.delete(String(id))

    let refreshed = 0
    const affectedDocs = await loadByIds(req, collection, [...affected.values()], subjectSelect)
    for (const doc of affectedDocs.values()) {
      const affectedId = doc.id
      const next = await findSuggestions(config, collection, doc as never, req)
      const current = idsOf(doc.relatedSuggestions)
      if (
        next.length === current.length &&
        next.every((value, index) => sameId(value, current[index]))
      )
        continue
      // Each write under the articles' save lock (see writeDerivedFields), in a transaction of its
      // own on PostgreSQL: saves are not held up for the whole job, and a retry finds the
      // documents already written current.
      await writeDerivedFields({
        collection,
        data: { relatedSuggestions: next },
        id: affectedId,
        reason: 'suggestionRefresh',
        req,
      })
      refreshed++
    }
    return { output: { refreshed } }
  },
})
