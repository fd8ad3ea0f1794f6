import type { GlobalAfterReadHook, GlobalBeforeValidateHook } from 'payload'

import { formatKstIso } from '../register-timestamps/formatKst'
import { KstInstant } from './publicTimes'

/**
 * A global's top-level instants (`updatedAt`, a date field) in `+09:00` for readers, as
 * `publicTimes` does for collections (DESIGN.md, "Times"): REST and GraphQL reads by anyone but
 * staff, whose admin form compares Payload's UTC strings.
 */
export const publishGlobalInstants =
  (keys: string[]): GlobalAfterReadHook =>
  ({ doc, req }) => {
    const api = req.payloadAPI
    if ((api !== 'REST' && api !== 'GraphQL') || !doc) return doc
    if (req.user && req.user.collection === req.payload.config.admin.user) return doc
    const result = doc as Record<string, unknown>
    for (const key of keys) {
      const value = result[key]
      if (!(typeof value === 'string' && value !== '') && !(value instanceof Date)) continue
      const time = new Date(value).getTime()
      if (Number.isNaN(time)) continue
      result[key] = api === 'GraphQL' ? new KstInstant(time) : formatKstIso(new Date(time))
    }
    return doc
  }

/** A writer may send back the `+09:00` instants it read: they are stored as UTC (`…Z`). */
export const normalizeGlobalInstants =
  (keys: string[]): GlobalBeforeValidateHook =>
  ({ data }) => {
    if (!data) return data
    const result = data as Record<string, unknown>
    for (const key of keys) {
      const value = result[key]
      if (typeof value !== 'string' || value.endsWith('Z')) continue
      const time = new Date(value).getTime()
      if (!Number.isNaN(time)) result[key] = new Date(time).toISOString()
    }
    return data
  }
