import type { CollectionBeforeOperationHook } from 'payload'

import { APIError } from 'payload'

const isPlainObject = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A create or update whose data is not an object (a JSON `null`, number, string or array body, or
 * a form-encoded body Payload does not read) is refused with a 400 before any hook reads a field
 * of it: Payload's field hooks fail on such data with a 500, or an array passes as an empty edit.
 */
export const rejectNonObjectData: CollectionBeforeOperationHook = ({ args, operation, req }) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  // An upload sent without `_payload`: the file is the data.
  if (data === undefined && req.file) return args
  if (isPlainObject(data)) return args
  throw new APIError(
    '요청 본문은 JSON 객체여야 합니다 (the body must be a JSON object, sent as application/json, or multipart form data with a `_payload` field)',
    400,
    undefined,
    true,
  )
}
