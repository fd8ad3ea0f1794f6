import type { SanitizedCollectionConfig } from 'payload'

import { hasDrafts } from '../../shared/publication'

type Doc = Record<string, unknown> | undefined

/** Whether this save leaves the document published (every save does, on a collection without drafts). */
export const isPublishingSave = (
  collection: SanitizedCollectionConfig,
  data: Doc,
  originalDoc: Doc,
): boolean => {
  if (!hasDrafts(collection)) return true
  return (data?._status ?? originalDoc?._status) === 'published'
}
