import type { CollectionBeforeOperationHook, FlattenedField, PayloadRequest } from 'payload'

import { ValidationError } from 'payload'

type Problem = { message: string; path: string }

const NUL = '\u0000'

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** The strings of a text-like value: one, a `hasMany` list, or one per locale (`locale=all`). */
const stringsOf = (value: unknown): string[] => {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string')
  if (isObject(value)) return Object.values(value).flatMap(stringsOf)
  return []
}

/** Whether any string inside a JSON value (rich text, JSON fields) holds a NUL; walked without recursion, however deep. */
const holdsNul = (value: unknown): boolean => {
  const pending: unknown[] = [value]
  while (pending.length > 0) {
    const item = pending.pop()
    if (typeof item === 'string') {
      if (item.includes(NUL)) return true
    } else if (Array.isArray(item)) {
      for (const element of item) pending.push(element)
    } else if (isObject(item)) {
      for (const [key, element] of Object.entries(item)) pending.push(key, element)
    }
  }
  return false
}

const nulMessage =
  'NUL 문자(\\u0000)는 저장할 수 없습니다 (text may not contain the NUL character \\u0000)'

const findProblems = (
  fields: FlattenedField[],
  data: Record<string, unknown>,
  prefix: string,
  req: PayloadRequest,
  problems: Problem[],
): void => {
  for (const field of fields) {
    const value = data[field.name]
    if (value === undefined || value === null) continue
    const path = `${prefix}${field.name}`
    switch (field.type) {
      case 'text':
      case 'textarea': {
        const strings = stringsOf(value)
        const maxLength = field.maxLength ?? req.payload.config.defaultMaxTextLength
        if (strings.some((text) => text.includes(NUL))) problems.push({ message: nulMessage, path })
        else if (typeof maxLength === 'number' && strings.some((text) => text.length > maxLength)) {
          problems.push({
            message: req.t('validation:shorterThanMax', {
              label: req.t('general:value'),
              maxLength,
              stringValue: '',
            }),
            path,
          })
        }
        break
      }
      case 'code':
      case 'email':
      case 'json':
      case 'richText':
        if (holdsNul(value)) problems.push({ message: nulMessage, path })
        break
      case 'group':
      case 'tab':
        if (isObject(value)) findProblems(field.flattenedFields, value, `${path}.`, req, problems)
        break
      case 'array':
        if (Array.isArray(value))
          value.forEach(
            (row, index) =>
              isObject(row) &&
              findProblems(field.flattenedFields, row, `${path}.${index}.`, req, problems),
          )
        break
      case 'blocks':
        if (Array.isArray(value)) {
          value.forEach((row, index) => {
            if (!isObject(row)) return
            const block = field.blocks.find(
              (candidate) => typeof candidate === 'object' && candidate.slug === row.blockType,
            )
            if (block) findProblems(block.flattenedFields, row, `${path}.${index}.`, req, problems)
          })
        }
        break
      default:
        break
    }
  }
}

/**
 * Every create and update, drafts and autosaves included, keeps text within the field's
 * `maxLength` (Payload's `defaultMaxTextLength` where none is set) and free of NUL characters,
 * answering a 400 that names the field. Payload checks length only when it validates, which a
 * collection with `versions.drafts.validate: false` skips for drafts; a NUL is cut off by SQLite
 * and refused by PostgreSQL (a 500).
 */
export const rejectInvalidText: CollectionBeforeOperationHook = ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const data = (args as { data?: unknown }).data
  if (!isObject(data)) return args
  const problems: Problem[] = []
  findProblems(collection.flattenedFields, data, '', req, problems)
  if (problems.length > 0)
    throw new ValidationError({ collection: collection.slug, errors: problems, req }, req.t)
  return args
}
