import type { CollectionBeforeChangeHook } from 'payload'

import type { SanitizedRegisterTimestampsConfig } from '../types'

import { systemFields } from '../defaults'
import { readStoredDocument } from '../../shared/storedDocument'
import { isPublishingSave } from './publicationState'

/**
 * Relationship values arrive as ids or populated objects; compare them by id. Not the shared
 * comparison (shared/storedChange.ts): this one compares a save's data with the published copy,
 * where a cleared text ('') and an absent one are the same, and relations inside groups and arrays
 * arrive populated too.
 */
const comparable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(comparable)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    if ('id' in record && ('createdAt' in record || 'updatedAt' in record)) return record.id
    if ('relationTo' in record && 'value' in record)
      return { relationTo: record.relationTo, value: comparable(record.value) }
    return Object.fromEntries(
      Object.keys(record)
        .sort()
        .map((key) => [key, comparable(record[key])]),
    )
  }
  if (value === undefined || value === '') return null
  return value
}

const isEqualValue = (a: unknown, b: unknown): boolean =>
  JSON.stringify(comparable(a)) === JSON.stringify(comparable(b))

/**
 * 수정 time: moves when a published document's editorial content changes. Compared against the
 * currently published state, not the latest draft, so that drafts saved before a publish still
 * count as a revision when they go live.
 */
export const setRevisedAt =
  (config: SanitizedRegisterTimestampsConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (!config.enabled || operation !== 'update' || !originalDoc?.id) return data
    if (!isPublishingSave(collection, data, originalDoc)) return data

    const published = await readStoredDocument(req, collection.slug, originalDoc)
    // Not yet live (first publish) or currently unpublished: this is a (re-)publish, not a revision.
    if (!published || (published._status !== undefined && published._status !== 'published'))
      return data

    const unstored = collection.fields.flatMap((field) =>
      'name' in field && (field.type === 'join' || ('virtual' in field && field.virtual))
        ? [field.name]
        : [],
    )
    const ignored = new Set([...systemFields, ...config.ignoreFields, ...unstored])
    const candidates = config.editorialFields ?? Object.keys(data)
    const hasEditorialChange = candidates.some(
      (field) =>
        !ignored.has(field) && field in data && !isEqualValue(data[field], published[field]),
    )
    if (hasEditorialChange) data.revisedAt = new Date().toISOString()
    return data
  }
