import type { CollectionBeforeChangeHook, Field } from 'payload'

import { idOf, idsOf } from '../shared/relationIds'

/** Hidden stamp: when a save last changed the document's content (not merely re-saved it). */
export const CONTENT_CHANGED_AT = 'contentChangedAt'

export const contentChangedAtField: Field = {
  name: CONTENT_CHANGED_AT,
  type: 'date',
  hidden: true,
  index: false,
}

/** The save's own stamps and what code derives on every save. */
const UNCOUNTED = new Set(['id', 'createdAt', 'updatedAt', '_status', CONTENT_CHANGED_AT])

/** Stored top-level fields (through rows, collapsibles, unnamed tabs), virtual ones left out. */
const storedFields = (fields: Field[]): Field[] =>
  fields.flatMap((field): Field[] => {
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [tab as unknown as Field] : storedFields(tab.fields),
      )
    if (!('name' in field)) return 'fields' in field ? storedFields(field.fields) : []
    return (field as { virtual?: unknown }).virtual || field.type === 'join' ? [] : [field]
  })

/** Key order and id-or-document spellings aside, so a form's round trip compares equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )

const comparable = (field: Field, value: unknown): unknown => {
  if (field.type === 'relationship' || field.type === 'upload')
    return Array.isArray(value) ? idsOf(value).map(String) : String(idOf(value) ?? '')
  if (field.type === 'date') {
    const time = Date.parse(String(value ?? ''))
    return Number.isNaN(time) ? null : time
  }
  return value
}

/**
 * Stamps `contentChangedAt` when a save changes a stored value the request carried; a save that
 * changed nothing (an editor's other tab autosaving the same text, a form's trailing autosave
 * after a move) keeps the previous stamp. The stale-save check measures a form against this stamp,
 * not `updatedAt`, which Payload moves on every save: a form loaded before such a save still holds
 * the current content and may be saved.
 */
export const stampContentChange: CollectionBeforeChangeHook = ({
  collection,
  data,
  operation,
  originalDoc,
}) => {
  const now = new Date().toISOString()
  if (operation !== 'update' || !originalDoc) return { ...data, [CONTENT_CHANGED_AT]: now }
  const changed = storedFields(collection.fields).some((field) => {
    const name = (field as { name: string }).name
    if (UNCOUNTED.has(name) || data[name] === undefined) return false
    return stable(comparable(field, data[name])) !== stable(comparable(field, originalDoc[name]))
  })
  const previous =
    (originalDoc as Record<string, unknown>)[CONTENT_CHANGED_AT] ??
    (originalDoc as Record<string, unknown>).updatedAt
  return { ...data, [CONTENT_CHANGED_AT]: changed || !previous ? now : previous }
}

/** When the stored copy's content last changed (older documents: their `updatedAt`). */
export const contentChangedAtOf = (doc: Record<string, unknown>): null | number => {
  const time = Date.parse(String(doc[CONTENT_CHANGED_AT] ?? doc.updatedAt ?? ''))
  return Number.isNaN(time) ? null : time
}
