import type { Field } from 'payload'

import { idOf, idsOf } from './relationIds'

/**
 * What every save writes or derives itself, never a change of the document's content: Payload's
 * own stamps, who saved (audit-log's `updatedBy`) and when the content last changed
 * (document-locks' `contentChangedAt`).
 */
export const SAVE_STAMPS: readonly string[] = [
  'id',
  'createdAt',
  'updatedAt',
  '_status',
  'updatedBy',
  'contentChangedAt',
]

export type StoredFieldsOptions = {
  /**
   * Hidden fields count too (kept by code: `bodyHtml`, adjacent links): they are stored content.
   * The audit log leaves them out, it names what editors changed. @default true
   */
  includeHidden?: boolean
}

/** Stored top-level fields (through rows, collapsibles, unnamed tabs), virtual and join ones left out. */
export const storedFields = (fields: Field[], options: StoredFieldsOptions = {}): Field[] =>
  fields.flatMap((field): Field[] => {
    if (field.type === 'tabs')
      return field.tabs.flatMap((tab) =>
        'name' in tab && tab.name ? [tab as unknown as Field] : storedFields(tab.fields, options),
      )
    if (!('name' in field)) return 'fields' in field ? storedFields(field.fields, options) : []
    const { admin, hidden, virtual } = field as {
      admin?: { hidden?: boolean }
      hidden?: boolean
      virtual?: unknown
    }
    if (virtual || field.type === 'join') return []
    return options.includeHidden === false && (hidden || admin?.hidden) ? [] : [field]
  })

/** Key order aside, so a form's round trip compares equal. */
const stable = (value: unknown): string =>
  JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => (a < b ? -1 : 1)))
      : inner,
  )

/** A relationship by what it points at (an id or the populated document), a date by its instant. */
const comparable = (field: Field, value: unknown): unknown => {
  if (field.type === 'relationship' || field.type === 'upload')
    return Array.isArray(value) ? idsOf(value).map(String) : String(idOf(value) ?? '')
  if (field.type === 'date') {
    const time = Date.parse(String(value ?? ''))
    return Number.isNaN(time) ? null : time
  }
  return value
}

/** Whether two copies of a field hold the same stored value, however each spells it. */
export const sameStoredValue = (field: Field, a: unknown, b: unknown): boolean =>
  stable(comparable(field, a)) === stable(comparable(field, b))

export type StoredChangeOptions = StoredFieldsOptions & {
  /**
   * Which fields are compared: `all` every stored one (an absent value is null), `sent` those the
   * new copy carries (a save's `data`), `shared` those both copies carry (an answer leaves hidden
   * fields out, the stored copy has them). @default 'all'
   */
  compare?: 'all' | 'sent' | 'shared'
  /** Fields never counted besides SAVE_STAMPS. */
  uncounted?: Iterable<string>
}

type Doc = Record<string, unknown>

const changeTest = (options: StoredChangeOptions) => {
  const uncounted = new Set([...SAVE_STAMPS, ...(options.uncounted ?? [])])
  const compare = options.compare ?? 'all'
  return (field: Field, next: Doc, previous: Doc): boolean => {
    const name = (field as { name: string }).name
    if (uncounted.has(name)) return false
    if (compare !== 'all' && next[name] === undefined) return false
    if (compare === 'shared' && previous[name] === undefined) return false
    return !sameStoredValue(field, next[name], previous[name])
  }
}

/** The names of the stored fields whose value `next` changed from `previous`. */
export const changedStoredFields = (
  fields: Field[],
  next: Doc,
  previous: Doc,
  options: StoredChangeOptions = {},
): string[] => {
  const changed = changeTest(options)
  return storedFields(fields, options)
    .filter((field) => changed(field, next, previous))
    .map((field) => (field as { name: string }).name)
}

/** Whether `next` changed any stored value of `previous` (stops at the first). */
export const hasStoredChange = (
  fields: Field[],
  next: Doc,
  previous: Doc,
  options: StoredChangeOptions = {},
): boolean => {
  const changed = changeTest(options)
  return storedFields(fields, options).some((field) => changed(field, next, previous))
}
