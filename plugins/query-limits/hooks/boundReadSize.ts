import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import type { SanitizedQueryLimitsConfig } from '../types'

import { isSignedInToAdmin } from '../allowList'

/** A client asking for too much: answered with a 400, logged as information, not as a server error. */
export class QueryLimitError extends APIError {
  constructor(message: string) {
    super(message, 400, undefined, true)
    this.name = 'QueryLimitError'
  }
}

export const limitMessage = (what: string, max: number) =>
  `${what}은(는) 1에서 ${max} 사이여야 합니다 (${what} must be between 1 and ${max}; page through larger results)`

const isOutOfRange = (value: unknown, max: number) => {
  if (value === undefined || value === null || value === '') return false
  const limit = Number(value)
  // `limit=0` means "everything" to Payload.
  return !Number.isInteger(limit) || limit < 1 || limit > max
}

/**
 * A REST read asks for at most `maxLimit` documents a page (and per join), so that one request
 * cannot make the server read a whole collection; signed-in staff (the admin's own requests
 * among them: 250 relationship labels at once) at most `staffMaxLimit`. The request's own query string is checked, not
 * the operation's arguments: hooks reuse the request for their own (unbounded) Local API reads.
 * GraphQL arguments are checked by `limitArgumentsRule`.
 */
export const boundReadSize =
  (config: SanitizedQueryLimitsConfig): CollectionBeforeOperationHook =>
  ({ args, collection, operation, req }) => {
    if (operation !== 'read' || req.payloadAPI !== 'REST' || !req.query) return args
    // Only the read the route is for: the sign-in lookup of the request's user (before the route
    // is known, with no user yet) and hooks' own reads share the request and its query string —
    // a signed-in `?limit=250` was refused while the JWT's user was looked up.
    if ((req.routeParams as { collection?: string } | undefined)?.collection !== collection.slug)
      return args
    const query = req.query as { joins?: unknown; limit?: unknown; pagination?: unknown }
    const maxLimit = isSignedInToAdmin({ req }) ? config.staffMaxLimit : config.maxLimit
    if (isOutOfRange(query.limit, maxLimit))
      throw new QueryLimitError(limitMessage('limit', maxLimit))
    if (String(query.pagination) === 'false' && (query.limit === undefined || query.limit === '')) {
      throw new QueryLimitError(limitMessage('limit', maxLimit))
    }
    if (query.joins && typeof query.joins === 'object') {
      for (const [name, join] of Object.entries(query.joins as Record<string, unknown>)) {
        if (
          join &&
          typeof join === 'object' &&
          isOutOfRange((join as { limit?: unknown }).limit, maxLimit)
        ) {
          throw new QueryLimitError(limitMessage(`joins[${name}][limit]`, maxLimit))
        }
      }
    }
    return args
  }
