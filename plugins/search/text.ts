/**
 * Korean-aware text handling shared by the index and the query: NFC (a Mac's NFD 한글 equals the
 * same word typed on Windows), lower case, and character grams — every syllable and every pair of
 * neighbouring syllables inside a word. Korean words are short (경찰, 화재, 울산) and carry
 * particles (울산시의), so word tokens or trigrams would miss them; grams find any substring of
 * one or two characters by index, and longer ones by all their pairs, checked afterwards.
 */

/** Particles dropped from a query term that matches nothing as typed, longest first. */
export const PARTICLES = [
  '에서',
  '으로',
  '의',
  '은',
  '는',
  '이',
  '가',
  '을',
  '를',
  '에',
  '로',
  '와',
  '과',
  '도',
  '만',
] as const

const WORD = /[\p{L}\p{N}]+/gu

/** NFC and whitespace-collapsed: what is stored and shown. */
export const normalizeText = (value: unknown): string =>
  typeof value === 'string' ? value.normalize('NFC').replace(/\s+/g, ' ').trim() : ''

/** What is matched: normalised and lower case. */
export const foldText = (value: unknown): string => normalizeText(value).toLowerCase()

/** Runs of letters and digits: the words grams are taken from. */
const wordsOf = (text: string): string[] => text.match(WORD) ?? []

/** Every distinct syllable and pair of neighbouring syllables in the words of `folded`. */
export const documentGrams = (folded: string): string[] => {
  const grams = new Set<string>()
  for (const word of wordsOf(folded)) {
    const chars = [...word]
    for (let i = 0; i < chars.length; i++) {
      grams.add(chars[i]!)
      if (i + 1 < chars.length) grams.add(chars[i]! + chars[i + 1]!)
    }
  }
  return [...grams]
}

/**
 * The grams a document must have to contain `term`: a one-character word as itself, longer words
 * as their pairs. Characters that are not letters or digits (`"`, `*`, `%`, `:`) have no gram and
 * are matched literally by the check that follows.
 */
export const termGrams = (term: string): string[] => {
  const grams = new Set<string>()
  for (const word of wordsOf(term)) {
    const chars = [...word]
    if (chars.length === 1) grams.add(chars[0]!)
    for (let i = 0; i + 1 < chars.length; i++) grams.add(chars[i]! + chars[i + 1]!)
  }
  return [...grams]
}

/**
 * Title and keyword grams are stored a second time with this mark (`hh경찰`) among the grams, so
 * that the title/keyword hits of a word are found through the same gram index without reading
 * every match. Grams are at most two characters: a marked one (three or four) never equals one.
 */
export const HEAD_MARK = 'hh'

/** The marked grams of the title and keywords (folded), stored with the document's grams. */
export const headGrams = (foldedHead: string): string[] =>
  documentGrams(foldedHead).map((gram) => HEAD_MARK + gram)

/** The marked grams an entry's title or keywords must have to contain `term`. */
export const headTermGrams = (term: string): string[] =>
  termGrams(term).map((gram) => HEAD_MARK + gram)

/** Whether the grams alone prove a match (a single word of one or two characters). */
export const isExactByGrams = (term: string): boolean => {
  const chars = [...term]
  return chars.length <= 2 && wordsOf(term).join('') === term
}

/** The term without a trailing particle, or null when it has none (or would be left empty). */
export const stemOf = (term: string): null | string => {
  for (const particle of PARTICLES) {
    if (term.endsWith(particle) && term.length > particle.length)
      return term.slice(0, -particle.length)
  }
  return null
}

/** Distinct terms of a query, in order: folded, split on whitespace. */
export const queryTerms = (query: string, max: number): string[] =>
  [...new Set(foldText(query).split(' ').filter(Boolean))].slice(0, max)

/** Plain text of sanitised HTML: tags dropped (block ends as spaces), entities decoded. */
export const htmlToText = (html: unknown): string => {
  if (typeof html !== 'string' || html === '') return ''
  const named: Record<string, string> = {
    amp: '&',
    lt: '<',
    gt: '>',
    quot: '"',
    apos: "'",
    nbsp: ' ',
  }
  return normalizeText(
    html
      .replace(/<(script|style)[\s\S]*?<\/\1>/gi, ' ')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (entity, code: string) => {
        if (code[0] === '#') {
          const point =
            code[1] === 'x' || code[1] === 'X'
              ? parseInt(code.slice(2), 16)
              : parseInt(code.slice(1), 10)
          return Number.isFinite(point) && point > 0 && point <= 0x10ffff
            ? String.fromCodePoint(point)
            : ' '
        }
        return named[code.toLowerCase()] ?? entity
      }),
  )
}
