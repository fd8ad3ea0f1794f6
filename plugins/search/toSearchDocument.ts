import type { SearchDocument } from './types'

import { idOf } from '../shared/relationIds'
import { htmlToText, normalizeText } from './text'

/** An article as the index takes it: text NFC, the body as plain text, relations as id strings. */
export const toSearchDocument = (doc: Record<string, unknown>): SearchDocument => {
  const section = idOf(doc.section)
  const region = idOf(doc.region)
  const registeredAt = doc.registeredAt ?? doc.createdAt
  return {
    id: String(doc.id),
    title: normalizeText(doc.title),
    subtitle: normalizeText(doc.subtitle),
    keywords: Array.isArray(doc.keywords) ? doc.keywords.map(normalizeText).filter(Boolean) : [],
    byline: normalizeText(doc.byline),
    regionLabel: normalizeText(doc.regionLabel),
    body: htmlToText(doc.bodyHtml),
    section: section === null ? null : String(section),
    region: region === null ? null : String(region),
    registeredAt: registeredAt ? new Date(registeredAt as string).toISOString() : null,
  }
}
