import type { Payload, SanitizedCollectionConfig } from 'payload'

/** PostgreSQL's `serial` ids are 4-byte integers: a larger number fails inside the driver. */
const MAX_SERIAL = 2_147_483_647

/**
 * Whether `value` can be an id of `collection` at all, before it reaches the database: with
 * numeric ids a word, a fraction or a number beyond the column's range is no id (the driver would
 * fail on it with a 500); text ids may be anything but an empty string or a NUL character.
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
  if (type !== 'number')
    return (
      (typeof value === 'string' && value !== '' && !value.includes('\u0000')) ||
      typeof value === 'number'
    )
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
