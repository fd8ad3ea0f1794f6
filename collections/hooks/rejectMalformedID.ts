import type { CollectionBeforeOperationHook } from 'payload'

import { NotFound } from 'payload'

import { isWellFormedID } from './isWellFormedID'

/**
 * A read, update or delete by an id that cannot exist (`GET /api/articles/abc` with numeric ids)
 * is answered 404, as a well-formed id that matches nothing is, instead of reaching the database
 * driver, which fails on it (a 500).
 */
export const rejectMalformedID: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const id = (args as { id?: unknown }).id
  if (id === undefined || id === null) return args
  if (!isWellFormedID(id, collection, req.payload)) throw new NotFound(req.t)
  return args
}
