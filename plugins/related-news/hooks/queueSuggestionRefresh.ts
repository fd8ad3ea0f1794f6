import type { CollectionAfterChangeHook, PayloadRequest } from 'payload'

import type { ID } from '../../shared/relationIds'
import type { SanitizedRelatedNewsConfig } from '../types'
import { hasDrafts } from '../../shared/publication'

export const REFRESH_TASK = 'refreshRelatedSuggestions'

/** Queued in the save's transaction: a rolled-back save queues nothing. */
export const queueRefresh = async (
  collection: string,
  id: ID,
  req: PayloadRequest,
): Promise<void> => {
  await req.payload.jobs.queue({
    task: REFRESH_TASK,
    input: { collection, id: String(id) },
    req,
  } as never)
}

/**
 * Other articles' stored suggestions go stale when an article is published, changes while live,
 * or leaves (unpublish, delete). Recomputing them can touch many documents, so it runs as a job.
 */
export const queueSuggestionRefresh =
  (config: SanitizedRelatedNewsConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, previousDoc, req }) => {
    if (!config.enabled) return doc
    const isDraftEnabled = hasDrafts(collection)
    const isLive = !isDraftEnabled || doc._status === 'published'
    const wasLive =
      previousDoc?.id !== undefined && (!isDraftEnabled || previousDoc._status === 'published')
    if (isDraftEnabled && doc._status === 'draft' && req.context.isDraftSave) return doc
    if (isLive || wasLive) await queueRefresh(collection.slug, doc.id, req)
    return doc
  }
