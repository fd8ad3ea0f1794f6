import type { CollectionBeforeChangeHook, Field } from 'payload'

import { hasStoredChange } from '../shared/storedChange'

/** Hidden stamp: when a save last changed the document's content (not merely re-saved it). */
export const CONTENT_CHANGED_AT = 'contentChangedAt'

export const contentChangedAtField: Field = {
  name: CONTENT_CHANGED_AT,
  type: 'date',
  hidden: true,
  index: false,
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
  // Hidden stored fields (adjacent links, bodyHtml) count: they are content the save wrote.
  const changed = hasStoredChange(collection.fields, data, originalDoc, { compare: 'sent' })
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
