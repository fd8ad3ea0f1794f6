import type { Where } from 'payload'

type CollectionWithVersions = { versions?: unknown } | null | undefined

/** Whether a collection keeps drafts (and so a `_status` that readers must see as published). */
export const hasDrafts = (collection: CollectionWithVersions): boolean =>
  Boolean(
    collection?.versions &&
    typeof collection.versions === 'object' &&
    (collection.versions as { drafts?: unknown }).drafts,
  )

/** The condition that keeps a query to published documents; none for a collection without drafts. */
export const publishedOnly = (collection: CollectionWithVersions): Where[] =>
  hasDrafts(collection) ? [{ _status: { equals: 'published' } }] : []
