import { describe, expect, it } from 'vitest'

import { localizeMessage, preferredLanguage } from './language'

describe('preferredLanguage', () => {
  it('reads Accept-Language by order and q-value, among ko and en', () => {
    expect(preferredLanguage('en-US,en;q=0.9,ko;q=0.8')).toBe('en')
    expect(preferredLanguage('ko-KR,ko;q=0.9,en;q=0.8')).toBe('ko')
    expect(preferredLanguage('fr, en;q=0.5, ko;q=0.7')).toBe('ko')
    expect(preferredLanguage('fr')).toBeUndefined()
    expect(preferredLanguage(null)).toBeUndefined()
  })
})

describe('localizeMessage', () => {
  const bilingual = '미리보기 링크가 만료되었습니다 (preview link expired)'
  it('picks one half of a bilingual message, or keeps both when no language is asked for', () => {
    expect(localizeMessage(bilingual, 'en')).toBe('preview link expired')
    expect(localizeMessage(bilingual, 'ko')).toBe('미리보기 링크가 만료되었습니다')
    expect(localizeMessage(bilingual, undefined)).toBe(bilingual)
  })
  it('puts Korean before an English-only message unless English is asked for', () => {
    expect(localizeMessage('Cannot query field "x".', 'en')).toBe('Cannot query field "x".')
    expect(localizeMessage('Cannot query field "x".', undefined, '잘못된 GraphQL 문서입니다')).toBe(
      '잘못된 GraphQL 문서입니다 (Cannot query field "x".)',
    )
    expect(localizeMessage('찾을 수 없습니다.', 'en')).toBe('찾을 수 없습니다.')
  })
})
