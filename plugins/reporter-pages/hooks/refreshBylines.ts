import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

import { findReferencing } from '../../shared/findReferencing'
import { writeDerivedFields } from '../../shared/writeRelations'

import type { SanitizedReporterPagesConfig } from '../types'

import { composeByline, loadBylineReporters } from './setByline'

/** A reporter's new name or email reaches the stored bylines of their articles. */
export const refreshBylines =
  (config: SanitizedReporterPagesConfig): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (!config.enabled || operation !== 'update') return doc
    if (previousDoc?.name === doc.name && previousDoc?.email === doc.email) return doc
    const ids = await findReferencing({
      collection: config.articles,
      field: config.bylineField,
      id: doc.id,
      req,
    })
    for (const id of ids) {
      const latest = await req.payload.findByID({
        collection: config.articles as CollectionSlug,
        depth: 0,
        draft: true,
        id: id as never,
        overrideAccess: true,
        req,
      })
      const reporters = await loadBylineReporters(
        config,
        (latest as unknown as Record<string, unknown>)[config.bylineField],
        req,
      )
      await writeDerivedFields({
        collection: config.articles,
        data: { byline: composeByline(reporters, config.titleSuffix) },
        id,
        reason: 'bylineRefresh',
        req,
      })
    }
    return doc
  }
