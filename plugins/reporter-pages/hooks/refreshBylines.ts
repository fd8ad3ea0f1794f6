import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { composeByline, loadBylineReporters } from './setByline'

/** A reporter's new name or email reaches the stored bylines of their articles. */
export const refreshBylines =
  (config: SanitizedReporterPagesConfig): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (!config.enabled || operation !== 'update') return doc
    if (previousDoc?.name === doc.name && previousDoc?.email === doc.email) return doc
    const articles = await req.payload.find({
      collection: config.articles as CollectionSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: { [config.bylineField]: true },
      where: { [config.bylineField]: { in: [doc.id] } },
    })
    for (const article of articles.docs as unknown as Record<string, unknown>[]) {
      const reporters = await loadBylineReporters(config, article[config.bylineField], req)
      await req.payload.db.updateOne({
        collection: config.articles as CollectionSlug,
        data: { byline: composeByline(reporters, config.titleSuffix) },
        id: article.id as number | string,
        req,
      })
    }
    return doc
  }
