import type { CollectionBeforeOperationHook, SanitizedCollectionConfig } from 'payload'

type Condition = Record<string, Record<string, unknown> | undefined>

/** The unique field a `where` pins to one value, if that is all it says (`slug equals x`, alone or as the only `and`). */
const pinnedUniqueField = (where: unknown, uniqueFields: Set<string>): null | string => {
  if (!where || typeof where !== 'object') return null
  const keys = Object.keys(where)
  if (keys.length !== 1) return null
  const [key] = keys as [string]
  const value = (where as Condition)[key]
  if (key === 'and' && Array.isArray(value) && value.length === 1) return pinnedUniqueField(value[0], uniqueFields)
  if (!uniqueFields.has(key) || !value || typeof value !== 'object') return null
  const operators = Object.keys(value)
  return operators.length === 1 && operators[0] === 'equals' && (typeof value.equals === 'string' || typeof value.equals === 'number') ? key : null
}

// A collection's fields are fixed once Payload has started: work the set out once per collection.
const uniqueFieldSets = new WeakMap<SanitizedCollectionConfig, Set<string>>()
const uniqueFieldsOf = (collection: SanitizedCollectionConfig): Set<string> => {
  let fields = uniqueFieldSets.get(collection)
  if (!fields) {
    fields = new Set(['id', ...collection.flattenedFields.filter((field) => 'unique' in field && field.unique).map((field) => field.name)])
    uniqueFieldSets.set(collection, fields)
  }
  return fields
}

/**
 * A read by a unique field (an article by its slug — how a frontend loads a page) matches one
 * document at most, so the page count Payload runs beside the query tells nothing: skip it. The
 * answer keeps its shape (`totalDocs` 0 or 1, one page).
 */
export const skipCountForUniqueLookup: CollectionBeforeOperationHook = ({ args, collection, operation }) => {
  const read = args as { id?: unknown; pagination?: boolean; where?: unknown }
  if (operation !== 'read' || read.id !== undefined || read.pagination === false) return args
  if (pinnedUniqueField(read.where, uniqueFieldsOf(collection))) read.pagination = false
  return args
}
