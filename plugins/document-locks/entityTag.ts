import type { PayloadRequest, SanitizedCollectionConfig } from 'payload'

import { getLatestCollectionVersion } from 'payload'

type Versioned = { id?: unknown; updatedAt?: unknown }

/**
 * The strong entity tag of a document's current version: its id and the millisecond of its last
 * save (`updatedAt` moves on every save, draft saves included). Null when the document carries no
 * `updatedAt` (a read that selected it away).
 */
export const entityTagOf = (doc: Versioned | null | undefined): null | string => {
  if (!doc || (typeof doc.id !== 'string' && typeof doc.id !== 'number')) return null
  const time =
    typeof doc.updatedAt === 'string' || doc.updatedAt instanceof Date
      ? new Date(doc.updatedAt).getTime()
      : Number.NaN
  return Number.isNaN(time) ? null : `"${String(doc.id)}-${time}"`
}

/**
 * The tag of the copy a save of the document would merge onto: its latest version (the latest
 * draft, where drafts are on), read the way Payload reads it for a save. Not the stored
 * document's own `updatedAt`: derived writes (reciprocal links, suggestions) move that one without
 * a new version, and a save is checked against the version.
 */
export const currentEntityTagOf = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  id: number | string,
): Promise<null | string> => {
  const stored = await getLatestCollectionVersion({
    id,
    config: collection,
    payload: req.payload,
    query: {
      collection: collection.slug,
      locale: req.locale ?? undefined,
      req,
      where: { id: { equals: id } },
    },
    req,
  })
  return entityTagOf(stored as Versioned | undefined)
}

/** Whether an `If-Match` header lets a write of the version tagged `current` go ahead (RFC 9110 §13.1.1: strong comparison). */
export const matchesIfMatch = (ifMatch: string, current: null | string): boolean => {
  if (ifMatch.trim() === '*') return current !== null
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => !tag.startsWith('W/') && tag === current)
}

/** Whether the operation is on the document the REST request names in its path (`/api/<collection>/<id>`), not a nested save. */
export const isRouteDocument = (req: PayloadRequest, collection: string, id: unknown): boolean => {
  const params = req.routeParams as { collection?: unknown; id?: unknown } | undefined
  return (
    req.payloadAPI === 'REST' &&
    params?.collection === collection &&
    params.id !== undefined &&
    String(params.id) === String(id)
  )
}

const checked = new WeakSet<object>()
/** True the first time for a request: a request's preconditions are about its own document, checked once. */
export const isFirstCheck = (req: PayloadRequest): boolean => {
  if (checked.has(req)) return false
  checked.add(req)
  return true
}

/** Adds `ETag` to the response Payload builds for the request (its REST handler merges `req.responseHeaders`). */
export const setResponseEntityTag = (req: PayloadRequest, tag: string): void => {
  const headers = req.responseHeaders ?? new Headers()
  headers.set('etag', tag)
  // A staff copy is the user's own: no shared cache may keep it.
  headers.set('cache-control', 'private, no-store')
  req.responseHeaders = headers
}
