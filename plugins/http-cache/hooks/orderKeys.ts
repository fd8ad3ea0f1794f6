import type { CollectionAfterReadHook, SanitizedCollectionConfig } from 'payload'

const fieldNames = new WeakMap<SanitizedCollectionConfig, string[]>()

/**
 * Puts a document's keys in the order of the collection's fields, so that the same document is
 * always the same bytes and so the same ETag (a 304 for a cache revalidating it). Virtual fields
 * are filled by `afterRead` hooks that Payload runs concurrently, and each key lands where its
 * hook happens to finish: on MongoDB `related` came before or after `jsonLd` from one read to the
 * next. Keys that are no field (`id`) follow in the order they came.
 */
export const orderKeys: CollectionAfterReadHook = ({ collection, doc }) => {
  if (!doc || typeof doc !== 'object') return doc
  let names = fieldNames.get(collection)
  if (!names) {
    names = collection.flattenedFields.map((field) => field.name)
    fieldNames.set(collection, names)
  }
  const source = doc as Record<string, unknown>
  const ordered: Record<string, unknown> = {}
  for (const name of names) if (name in source) ordered[name] = source[name]
  for (const key of Object.keys(source)) if (!(key in ordered)) ordered[key] = source[key]
  return ordered
}
