import { escapeHtml } from '../shared/sanitizeHtml'

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

/**
 * A short passage of `text` around the first hit of any term, HTML-escaped, each hit wrapped in
 * `<mark>`; the opening of the text (no marks) when no term occurs in it. Terms are folded (lower
 * case NFC) and the text NFC, so a case-insensitive match finds them where the index did.
 */
export const buildSnippet = (text: string, terms: string[], length = 160): string => {
  if (!text) return ''
  const wanted = terms.filter(Boolean).sort((a, b) => b.length - a.length)
  const pattern = wanted.length ? new RegExp(wanted.map(escapeRegExp).join('|'), 'giu') : null
  const first = pattern ? text.search(pattern) : -1
  const chars = [...text]
  if (first < 0) {
    const head = chars.slice(0, length).join('')
    return escapeHtml(head) + (chars.length > length ? '…' : '')
  }
  // Work in code points so a cut never splits a character.
  const firstPoint = [...text.slice(0, first)].length
  const start = Math.max(0, firstPoint - Math.floor(length / 3))
  const end = Math.min(chars.length, start + length)
  const passage = chars.slice(start, end).join('')
  let html = ''
  let last = 0
  for (const match of passage.matchAll(pattern!)) {
    html += escapeHtml(passage.slice(last, match.index)) + `<mark>${escapeHtml(match[0])}</mark>`
    last = match.index! + match[0].length
  }
  html += escapeHtml(passage.slice(last))
  return (start > 0 ? '…' : '') + html + (end < chars.length ? '…' : '')
}
