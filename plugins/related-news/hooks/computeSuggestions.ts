import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedRelatedNewsConfig } from '../types'

import { findSuggestions } from '../findSuggestions'
import { hasDrafts } from '../../shared/publication'

/** Suggestions are computed when a document goes live or changes while live, and stored with it. */
export const computeSuggestions =
  (config: SanitizedRelatedNewsConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!config.enabled) return data
    const status = data._status ?? originalDoc?._status
    if (hasDrafts(collection) && status !== 'published') return data
    const merged = { ...originalDoc, ...data }
    data.relatedSuggestions = await findSuggestions(
      config,
      collection.slug,
      { ...merged, id: originalDoc?.id },
      req,
    )
    return data
  }
