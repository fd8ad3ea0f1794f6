import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import type { SanitizedQueryLimitsConfig } from '../types'

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
 * cannot make the server read a whole collection. The request's own query string is checked, not
 * the operation's arguments: hooks reuse the request for their own (unbounded) Local API reads.
 * GraphQL arguments are checked by `limitArgumentsRule`.
 */
export const boundReadSize =
  (config: SanitizedQueryLimitsConfig): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'read' || req.payloadAPI !== 'REST' || !req.query) return args
    const query = req.query as { joins?: unknown; limit?: unknown; pagination?: unknown }
    if (isOutOfRange(query.limit, config.maxLimit))
      throw new QueryLimitError(limitMessage('limit', config.maxLimit))
    if (String(query.pagination) === 'false' && (query.limit === undefined || query.limit === '')) {
      throw new QueryLimitError(limitMessage('limit', config.maxLimit))
    }
    if (query.joins && typeof query.joins === 'object') {
      for (const [name, join] of Object.entries(query.joins as Record<string, unknown>)) {
        if (
          join &&
          typeof join === 'object' &&
          isOutOfRange((join as { limit?: unknown }).limit, config.maxLimit)
        ) {
          throw new QueryLimitError(limitMessage(`joins[${name}][limit]`, config.maxLimit))
        }
      }
    }
    return args
  }
