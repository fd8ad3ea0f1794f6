import type { SanitizedCollectionConfig } from 'payload'

type Condition = Record<string, Record<string, unknown> | undefined>

// A collection's fields are fixed once Payload has started: work the set out once per collection.
const uniqueFieldSets = new WeakMap<SanitizedCollectionConfig, Set<string>>()
const uniqueFieldsOf = (collection: SanitizedCollectionConfig): Set<string> => {
  let fields = uniqueFieldSets.get(collection)
  if (!fields) {
    fields = new Set([
      'id',
      ...collection.flattenedFields
        .filter((field) => 'unique' in field && field.unique)
        .map((field) => field.name),
    ])
    uniqueFieldSets.set(collection, fields)
  }
  return fields
}

const pinned = (where: unknown, uniqueFields: Set<string>): null | string => {
  if (!where || typeof where !== 'object') return null
  const keys = Object.keys(where)
  if (keys.length !== 1) return null
  const [key] = keys as [string]
  const value = (where as Condition)[key]
  if (key === 'and' && Array.isArray(value) && value.length === 1)
    return pinned(value[0], uniqueFields)
  if (!uniqueFields.has(key) || !value || typeof value !== 'object') return null
  const operators = Object.keys(value)
  return operators.length === 1 &&
    operators[0] === 'equals' &&
    (typeof value.equals === 'string' || typeof value.equals === 'number')
    ? key
    : null
}

/**
 * The unique field (`id`, or one declared `unique`) a `where` pins to one value, if that is all it
 * says (`slug equals x`, alone or as the only `and`): such a read matches one document at most.
 */
export const pinnedUniqueField = (
  where: unknown,
  collection: SanitizedCollectionConfig,
): null | string => pinned(where, uniqueFieldsOf(collection))
