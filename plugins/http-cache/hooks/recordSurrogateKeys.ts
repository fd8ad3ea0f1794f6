import type {
  CollectionAfterOperationHook,
  CollectionAfterReadHook,
  CollectionBeforeOperationHook,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import type { SanitizedHttpCacheConfig } from '../types'

import { listKey, surrogateKeysOf } from '../../shared/surrogateKeys'
import { pinnedUniqueField } from '../../shared/uniqueLookup'
import { recordKeys } from '../requestScope'

/** The keys a document names in a response it is part of: itself, its links, the lists it joins. */
export const keysOfDocument = (
  config: SanitizedHttpCacheConfig,
  collection: SanitizedCollectionConfig,
  doc: Record<string, unknown>,
): string[] => {
  const keys = surrogateKeysOf(collection, doc, config.collections)
  // Joined documents are read by the database adapter without their own hooks. A join the read
  // left out (a reporter populated into an article, without their articles) shows none of them.
  for (const field of collection.flattenedFields) {
    if (field.type === 'join' && typeof field.collection === 'string' && field.name in doc)
      keys.push(listKey(field.collection))
  }
  return keys
}

/** Every document a response is built from (populated ones too) names itself and its links. */
export const recordDocumentKeys =
  (config: SanitizedHttpCacheConfig): CollectionAfterReadHook =>
  ({ collection, doc, req }) => {
    if (doc?.id) recordKeys(req, keysOfDocument(config, collection, doc))
    return doc
  }

/**
 * A query over a collection (a list, a feed, a neighbour lookup) depends on which documents
 * exist, so the response carries the collection's list key too.
 */
export const recordListRead: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  const read = args as { id?: unknown; where?: Where }
  if (
    operation !== 'read' ||
    read.id !== undefined ||
    isLookupByIds(read.where) ||
    pinnedUniqueField(read.where, collection) !== null
  )
    return args
  recordKeys(req, [listKey(collection.slug)])
  return args
}

/**
 * A lookup by a unique field (an article page by its slug) that found its document depends on that
 * document alone, named by its own keys: a change anywhere else in the collection, which purges
 * `<collection>:list` at a CDN, leaves it alone. One that found nothing waits for a document to
 * take the value, and carries the list key.
 */
export const recordMissedLookup: CollectionAfterOperationHook = ({
  args,
  collection,
  operation,
  req,
  result,
}) => {
  const found = result as { docs?: unknown[] } | undefined
  if (
    operation === 'find' &&
    pinnedUniqueField((args as { where?: Where }).where, collection) !== null &&
    !found?.docs?.length
  ) {
    recordKeys(req, [listKey(collection.slug)])
  }
  return result
}

/**
 * Populating relationships reads `id in (…)`: that depends on those documents only, named by their
 * own keys. (`id equals` is a unique lookup, `pinnedUniqueField`'s.)
 */
const isLookupByIds = (where: undefined | Where): boolean => {
  const keys = where ? Object.keys(where) : []
  if (keys.length !== 1 || keys[0] !== 'id') return false
  const condition = where!.id as Record<string, unknown> | undefined
  return Boolean(condition && Object.keys(condition).length === 1 && 'in' in condition)
}
