import type { SanitizedCollectionConfig } from 'payload'

import { idOf, idsOf } from './relationIds'

/** The key every list or query over a collection carries: purged when membership may change. */
export const listKey = (collection: string): string => `${collection}:list`
/** A global's key: every response built from it names it. */
export const globalKey = (slug: string): string => `${slug}:global`

export const documentKey = (collection: string, id: unknown): string =>
  `${collection}:${String(id)}`

/**
 * Keys naming a document and what it links to (an article → its section, region and reporters),
 * for `Surrogate-Key`/`Cache-Tag` headers and `cache.purge` events. Only top-level relationships
 * to `tracked` collections count; polymorphic ones are skipped.
 */
export const surrogateKeysOf = (
  collection: SanitizedCollectionConfig,
  doc: Record<string, unknown>,
  tracked: readonly string[],
): string[] => {
  const keys = [documentKey(collection.slug, doc.id)]
  for (const field of collection.flattenedFields) {
    if (
      (field.type !== 'relationship' && field.type !== 'upload') ||
      typeof field.relationTo !== 'string' ||
      !tracked.includes(field.relationTo)
    )
      continue
    const value = doc[field.name]
    const ids = field.hasMany ? idsOf(value) : [idOf(value)].filter((id) => id !== null)
    for (const id of ids) keys.push(documentKey(field.relationTo, id))
  }
  return keys
}
