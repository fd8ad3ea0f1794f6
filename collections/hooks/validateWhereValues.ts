import type { CollectionBeforeOperationHook, FlattenedField, Where } from 'payload'

import { APIError } from 'payload'

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
  (typeof value === 'string' || typeof value === 'number') && !Number.isNaN(new Date(value).getTime())

const isNumber = (value: unknown): boolean =>
  typeof value === 'number' ? Number.isFinite(value) : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))

const checkValue = (field: FlattenedField | 'id', path: string, value: unknown, isNumericID: boolean): null | Problem => {
  const values = Array.isArray(value) ? value : typeof value === 'string' && value.includes(',') ? value.split(',') : [value]
  for (const item of values) {
    if (item === null || item === undefined || item === '' || item === 'null') continue
    if (field !== 'id' && field.type === 'date' && !isDate(item)) return { path, reason: `"${String(item)}" is not a date` }
    if (field !== 'id' && field.type === 'number' && !isNumber(item)) return { path, reason: `"${String(item)}" is not a number` }
    const isIdLike =
      field === 'id' || ((field.type === 'relationship' || field.type === 'upload') && typeof field.relationTo === 'string')
    if (isIdLike && isNumericID && !isNumber(item)) return { path, reason: `"${String(item)}" is not an id` }
  }
  return null
}

const findProblem = (where: unknown, fields: FlattenedField[], isNumericID: boolean): null | Problem => {
  if (!where || typeof where !== 'object') return null
  for (const [key, condition] of Object.entries(where as Where)) {
    if (key === 'and' || key === 'or') {
      for (const nested of Array.isArray(condition) ? condition : []) {
        const problem = findProblem(nested, fields, isNumericID)
        if (problem) return problem
      }
      continue
    }
    // Only direct fields are checked here; paths through relationships are Payload's to resolve.
    if (key.includes('.')) continue
    const field = key === 'id' ? 'id' : fields.find((candidate) => candidate.name === key)
    if (!field || !condition || typeof condition !== 'object') continue
    for (const [operator, value] of Object.entries(condition as Record<string, unknown>)) {
      if (!valueOperators.has(operator)) continue
      const problem = checkValue(field, key, value, isNumericID)
      if (problem) return problem
    }
  }
  return null
}

/**
 * Payload checks that a `where` path exists but passes its values to the database as they come;
 * a date that is not a date or a word where an id belongs then fails inside the database driver
 * (HTTP 500). This answers 400 with the path instead.
 */
export const validateWhereValues: CollectionBeforeOperationHook = ({ args, collection, req }) => {
  const where = (args as { where?: Where }).where
  if (!where) return args
  const problem = findProblem(where, collection.flattenedFields, req.payload.db.defaultIDType === 'number')
  if (problem) {
    throw new APIError(`잘못된 검색 조건입니다: ${problem.path} (${problem.reason})`, 400, [{ message: problem.reason, path: problem.path }], true)
  }
  return args
}
