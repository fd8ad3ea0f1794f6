import type { GlobalAfterReadHook, GlobalBeforeValidateHook } from 'payload'

import { mapPaths, readerInstantChange, storedInstant } from './publicTimes'

/**
 * A global's top-level instants (`updatedAt`, a date field) in `+09:00` for readers, by the rule
 * `publicTimes` applies to collections (DESIGN.md, "Times").
 */
export const publishGlobalInstants =
  (keys: string[]): GlobalAfterReadHook =>
  ({ doc, req }) => {
    const change = readerInstantChange(req)
    if (change && doc)
      mapPaths(
        doc,
        keys.map((key) => [key]),
        change,
      )
    return doc
  }

/** A writer may send back the `+09:00` instants it read: they are stored as UTC (`…Z`). */
export const normalizeGlobalInstants =
  (keys: string[]): GlobalBeforeValidateHook =>
  ({ data }) => {
    if (data)
      mapPaths(
        data,
        keys.map((key) => [key]),
        storedInstant,
      )
    return data
  }
