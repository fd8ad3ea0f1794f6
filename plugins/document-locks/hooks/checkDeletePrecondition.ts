import type { CollectionBeforeDeleteHook } from 'payload'

import {
  currentEntityTagOf,
  isFirstCheck,
  isRouteDocument,
  matchesIfMatch,
  setResponseEntityTag,
} from '../entityTag'
import { PreconditionFailedError } from '../errors'

/** A REST delete whose `If-Match` no longer names the document's current version answers 412 and deletes nothing. */
export const checkDeletePrecondition: CollectionBeforeDeleteHook = async ({
  collection,
  id,
  req,
}) => {
  const ifMatch = req.headers.get('if-match')
  if (ifMatch === null || !isRouteDocument(req, collection.slug, id) || !isFirstCheck(req)) return
  const current = await currentEntityTagOf(req, collection, id)
  if (!matchesIfMatch(ifMatch, current)) {
    if (current) setResponseEntityTag(req, current)
    throw new PreconditionFailedError(current)
  }
}
