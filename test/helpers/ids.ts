import type { Payload } from 'payload'

/**
 * The GraphQL type of the collections' ids: `Int` with PostgreSQL's serial and SQLite ids,
 * `String` with MongoDB's ObjectIds and PostgreSQL's uuid ids (CI runs every suite with both).
 */
export const graphQLIdType = (payload: Payload): 'Int' | 'String' =>
  payload.db.defaultIDType === 'number' ? 'Int' : 'String'

/** An ETag of a staff read: `"<id>-<updatedAt in ms>"`, whatever the id's type. */
export const VERSION_ETAG = /^"[0-9a-zA-Z-]+-\d+"$/

/** An id of the right shape that names no document: a number, an ObjectId or a uuid. */
export const missingId = (payload: Payload): number | string =>
  payload.db.defaultIDType === 'number'
    ? 987654
    : payload.db.name === 'mongoose'
      ? '0000000000000000000000aa'
      : '00000000-0000-4000-8000-0000000000aa'

/** `missingId` as a GraphQL literal. */
export const missingIdLiteral = (payload: Payload): string => JSON.stringify(missingId(payload))

/** Orders ids of either type: numbers by value, strings as text. */
export const compareIds = (a: number | string, b: number | string): number =>
  typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b))
