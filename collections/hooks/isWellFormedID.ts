import type { Payload, SanitizedCollectionConfig } from 'payload'

/** PostgreSQL's `serial` ids are 4-byte integers: a larger number fails inside the driver. */
const MAX_SERIAL = 2_147_483_647
const OBJECT_ID = /^[0-9a-f]{24}$/i
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether `value` can be an id of `collection` at all, before it reaches the database: with
 * numeric ids a word, a fraction or a number beyond the column's range is no id (the driver would
 * fail on it with a 500); MongoDB's ids are 24 hex digits and PostgreSQL's uuid ids uuids (either
 * driver fails on anything else); custom text ids may be anything but an empty string or a NUL.
 */
export const isWellFormedID = (
  value: unknown,
  collection: SanitizedCollectionConfig,
  payload: Payload,
): boolean => {
  const customID = collection.flattenedFields.find((field) => field.name === 'id')
  const type = customID
    ? customID.type === 'number'
      ? 'number'
      : 'text'
    : payload.db.defaultIDType
  if (type !== 'number') {
    if (customID) {
      return (
        (typeof value === 'string' && value !== '' && !value.includes('\u0000')) ||
        typeof value === 'number'
      )
    }
    // The adapter's own ids: MongoDB's ObjectId (24 hex digits), PostgreSQL's uuid.
    if (typeof value !== 'string') return false
    if (payload.db.name === 'mongoose') return OBJECT_ID.test(value)
    if ((payload.db as { idType?: string }).idType === 'uuid') return UUID.test(value)
    return value !== '' && !value.includes('\u0000')
  }
  const number =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^-?\d{1,16}$/.test(value.trim())
        ? Number(value)
        : Number.NaN
  const max =
    (payload.db as { idType?: string }).idType === 'serial' ? MAX_SERIAL : Number.MAX_SAFE_INTEGER
  return Number.isSafeInteger(number) && Math.abs(number) <= max
}
