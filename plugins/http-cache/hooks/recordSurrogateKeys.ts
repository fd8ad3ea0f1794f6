import type { CollectionAfterReadHook, CollectionBeforeOperationHook } from 'payload'

import type { SanitizedHttpCacheConfig } from '../types'

import { listKey, surrogateKeysOf } from '../../shared/surrogateKeys'
import { currentScope } from '../cacheState'

/** Every document a response is built from (populated ones too) names itself and its links. */
export const recordDocumentKeys =
  (config: SanitizedHttpCacheConfig): CollectionAfterReadHook =>
  ({ collection, doc }) => {
    const scope = currentScope()
    if (!scope || !doc?.id) return doc
    for (const key of surrogateKeysOf(collection, doc, config.collections)) scope.keys.add(key)
    // Joined documents are read by the database adapter without their own hooks.
    for (const field of collection.flattenedFields) {
      if (field.type === 'join' && typeof field.collection === 'string') scope.keys.add(listKey(field.collection))
    }
    return doc
  }

/**
 * A query over a collection (a list, a feed, a neighbour lookup) depends on which documents
 * exist, so the response carries the collection's list key too.
 */
export const recordListRead: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  const scope = currentScope()
  if (scope && operation === 'read' && (args as { id?: unknown }).id === undefined) scope.keys.add(listKey(collection.slug))
  return args
}
