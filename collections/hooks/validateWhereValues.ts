import type {
  CollectionBeforeOperationHook,
  CollectionSlug,
  FlattenedField,
  Payload,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import { APIError } from 'payload'

import { isWellFormedID } from './isWellFormedID'

/**
 * Deepest `and`/`or` nesting a query may have. Payload validates and the database adapters build
 * a `where` recursively; a filter nested a thousand levels deep is an attack, not a search.
 */
export const MAX_WHERE_DEPTH = 10

const valueOperators = new Set([
  'equals',
  'not_equals',
  'in',
  'not_in',
  'all',
  'greater_than',
  'greater_than_equal',
  'less_than',
  'less_than_equal',
])

type Problem = { path: string; reason: string }

const isDate = (value: unknown): boolean =>
  (typeof value === 'string' || typeof value === 'number') &&
  !Number.isNaN(new Date(value).getTime())

const isNumber = (value: unknown): boolean =>
  typeof value === 'number'
    ? Number.isFinite(value)
    : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))

const holdsNul = (value: unknown): boolean =>
  typeof value === 'string'
    ? value.includes('\u0000')
    : Array.isArray(value) &&
      value.some((item) => typeof item === 'string' && item.includes('\u0000'))

type Check = {
  collection: SanitizedCollectionConfig
  fields: FlattenedField[]
  payload: Payload
}

const checkValue = (
  field: FlattenedField | 'id',
  path: string,
  value: unknown,
  check: Check,
): null | Problem => {
  const values = Array.isArray(value)
    ? value
    : typeof value === 'string' && value.includes(',')
      ? value.split(',')
      : [value]
  for (const item of values) {
    if (item === null || item === undefined || item === '' || item === 'null') continue
    if (field !== 'id' && field.type === 'date' && !isDate(item))
      return { path, reason: `"${String(item)}" is not a date` }
    if (field !== 'id' && field.type === 'number' && !isNumber(item))
      return { path, reason: `"${String(item)}" is not a number` }
    if (field === 'id' && !isWellFormedID(item, check.collection, check.payload))
      return { path, reason: `"${String(item)}" is not an id` }
    // A relationship to one collection holds that collection's ids: the same shape check.
    const target =
      field !== 'id' &&
      (field.type === 'relationship' || field.type === 'upload') &&
      typeof field.relationTo === 'string'
        ? check.payload.collections[field.relationTo as CollectionSlug]?.config
        : undefined
    if (target && !isWellFormedID(item, target, check.payload))
      return { path, reason: `"${String(item)}" is not an id` }
  }
  return null
}

const tooDeep: Problem = {
  path: 'where',
  reason: `and/or may nest at most ${MAX_WHERE_DEPTH} levels`,
}

const findProblem = (where: unknown, check: Check, depth = 0): null | Problem => {
  if (!where || typeof where !== 'object') return null
  for (const [key, condition] of Object.entries(where as Where)) {
    const lowerKey = key.toLowerCase()
    if (lowerKey === 'and' || lowerKey === 'or') {
      if (depth >= MAX_WHERE_DEPTH) return tooDeep
      for (const nested of Array.isArray(condition) ? condition : []) {
        const problem = findProblem(nested, check, depth + 1)
        if (problem) return problem
      }
      continue
    }
    // What the query-string parser left unparsed below its depth limit (`[and][0][and]…`).
    if (key.startsWith('[')) return tooDeep
    // SQLite cuts a string at a NUL, PostgreSQL refuses it (a 500): no stored text holds one.
    if (condition && typeof condition === 'object' && Object.values(condition).some(holdsNul)) {
      return { path: key, reason: 'a value may not contain the NUL character \\u0000' }
    }
    // Only direct fields are checked here; paths through relationships are Payload's to resolve.
    if (key.includes('.')) continue
    const field = key === 'id' ? 'id' : check.fields.find((candidate) => candidate.name === key)
    if (!field || !condition || typeof condition !== 'object') continue
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (!valueOperators.has(operator)) continue
      const problem = checkValue(field, key, value, check)
      if (problem) return problem
    }
  }
  return null
}

/**
 * Payload checks that a `where` path exists but passes its values to the database as they come;
 * a date that is not a date or a word where an id belongs then fails inside the database driver
 * (HTTP 500). This answers 400 with the path instead; so it does for a NUL character in a value and
 * for `and`/`or` nested deeper than `MAX_WHERE_DEPTH`.
 */
export const validateWhereValues: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: Where }).where
  if (!where) return args
  const problem = findProblem(where, {
    collection,
    fields: collection.flattenedFields,
    payload: req.payload,
  })
  if (problem) {
    throw new APIError(
      `잘못된 검색 조건입니다: ${problem.path} (${problem.reason})`,
      400,
      [{ message: problem.reason, path: problem.path }],
      true,
    )
  }
  return args
}
