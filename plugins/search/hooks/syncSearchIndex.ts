import type { CollectionAfterChangeHook, CollectionAfterDeleteHook } from 'payload'

import type { SanitizedSearchConfig } from '../types'

import { hasDrafts } from '../../shared/publication'
import { toSearchDocument } from '../toSearchDocument'

/**
 * Keeps the index to what readers may see: a publish (the desk's, a scheduled one, an embargo's
 * release — all updates with `_status: 'published'`) or an edit of the live story writes it; an
 * unpublish takes it out. A story under embargo is never published (the embargo plugin turns an
 * early publish into a draft save). A draft save leaves the live story, and so the index, as it
 * was. In the save's transaction: a rolled-back save changes nothing.
 */
export const syncSearchIndex =
  (config: SanitizedSearchConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, req }) => {
    if (req.context.isDraftSave) return doc
    const isLive = !hasDrafts(collection) || doc._status === 'published'
    if (isLive) await config.adapter.upsert({ doc: toSearchDocument(doc), req })
    else await config.adapter.remove({ id: String(doc.id), req })
    return doc
  }

export const removeFromSearchIndex =
  (config: SanitizedSearchConfig): CollectionAfterDeleteHook =>
  async ({ doc, id, req }) => {
    await config.adapter.remove({ id: String(doc?.id ?? id), req })
    return doc
  }
