import type { CollectionAfterOperationHook } from 'payload'

import {
  currentEntityTagOf,
  entityTagOf,
  isRouteDocument,
  setResponseEntityTag,
} from '../entityTag'
import { isStaffRequest } from '../../shared/staffUser'

/**
 * A signed-in REST read of one document, and the answer to a save of it, carry the `ETag` of the
 * version a save would merge onto, for a later write's `If-Match`. Anonymous reads keep the
 * cache's own tags.
 */
export const setEntityTag: CollectionAfterOperationHook = async ({
  args,
  collection,
  operation,
  req,
  result,
}) => {
  // Staff only: a signed-in site reader's read is a reader's (no save of theirs merges onto it).
  if (!isStaffRequest(req) || (operation !== 'findByID' && operation !== 'updateByID'))
    return result
  if (operation === 'findByID' && req.method !== 'GET' && req.method !== 'HEAD') return result
  const doc = result as { id?: unknown; updatedAt?: unknown } | null
  const id = (args as { id?: unknown }).id
  if (!doc || !isRouteDocument(req, collection.slug, id)) return result
  // A save answers with the version it wrote; a read asks which version is the latest.
  const tag =
    operation === 'updateByID'
      ? entityTagOf(doc)
      : await currentEntityTagOf(req, collection, id as number | string)
  if (tag) setResponseEntityTag(req, tag)
  return result
}
