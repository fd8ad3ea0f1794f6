/** The languages error messages are written in: Korean first, with an English gloss. */
export type MessageLanguage = 'en' | 'ko'

/**
 * The reader's language among ours by `Accept-Language` (its order and q-values); undefined when
 * it names neither, and then messages stay as written (Korean, with the English in parentheses).
 */
export const preferredLanguage = (
  acceptLanguage: null | string | undefined,
): MessageLanguage | undefined => {
  if (!acceptLanguage) return undefined
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';')
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean)
      return { index, language: tag.split('-')[0], q: q === undefined ? 1 : Number(q) }
    })
    .filter(({ language, q }) => (language === 'ko' || language === 'en') && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  return ranked[0]?.language as MessageLanguage | undefined
}

const HANGUL = /[\u1100-\u11ff\u3130-\u318f\uac00-\ud7af]/

/** `한국어 문장 (English gloss)`: the Korean part and the English one. */
const BILINGUAL = /^(?<ko>.*\S)\s+\((?<en>[^()]*)\)\s*$/s

/**
 * A message in the reader's language: our messages are written `한국어 (English)`, graphql-js's
 * and some of Payload's in English only. Korean unless the reader prefers English.
 */
export const localizeMessage = (
  message: string,
  language: MessageLanguage | undefined,
  koreanLead = '요청을 처리할 수 없습니다',
): string => {
  const parts = BILINGUAL.exec(message)?.groups
  if (parts && HANGUL.test(parts.ko!) && !HANGUL.test(parts.en!)) {
    if (language === 'en') return parts.en!
    if (language === 'ko') return parts.ko!
    return message
  }
  // English only (graphql-js, the complexity rule): Korean first unless English is asked for.
  if (language !== 'en' && !HANGUL.test(message)) return `${koreanLead} (${message})`
  return message
}
