import type { SanitizedCollectionConfig } from 'payload'

type Doc = Record<string, unknown> | undefined

const hasDrafts = (collection: SanitizedCollectionConfig): boolean =>
  Boolean(collection.versions && typeof collection.versions === 'object' && collection.versions.drafts)

/** Whether this save leaves the document published (every save does, on a collection without drafts). */
export const isPublishingSave = (collection: SanitizedCollectionConfig, data: Doc, originalDoc: Doc): boolean => {
  if (!hasDrafts(collection)) return true
  return (data?._status ?? originalDoc?._status) === 'published'
}
