import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

import { findOperatorKey, operatorKeyMessage } from '../../plugins/shared/operatorKeys'

/**
 * Data of a create or update (any path: REST, GraphQL, multipart `_payload`, the Local API) with a
 * `$`-prefixed or `__proto__` key at any depth is refused with a 400 before any hook or the
 * database reads it (see plugins/shared/operatorKeys.ts). The HTTP routes also refuse such JSON
 * bodies before Payload parses them, for the collections Payload adds itself (preferences).
 */
export const rejectOperatorKeys: CollectionBeforeOperationHook = ({ args, operation }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const path = findOperatorKey((args as { data?: unknown }).data)
  if (path === null) return args
  throw new APIError(operatorKeyMessage(path), 400, { code: 'VALIDATION', path }, true)
}
