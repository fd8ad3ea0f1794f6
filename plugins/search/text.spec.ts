import { describe, expect, it } from 'vitest'

import { buildSnippet } from './snippet'
import {
  documentGrams,
  headGrams,
  headTermGrams,
  htmlToText,
  isExactByGrams,
  queryTerms,
  stemOf,
  termGrams,
} from './text'

describe('grams', () => {
  it('a document has every syllable and every pair inside a word, none across words', () => {
    expect(documentGrams('경찰이 출동')).toEqual([
      '경',
      '경찰',
      '찰',
      '찰이',
      '이',
      '출',
      '출동',
      '동',
    ])
  })

  it('title grams are marked, and a marked gram never equals a document gram', () => {
    expect(headGrams('경찰 출동')).toEqual(['hh경', 'hh경찰', 'hh찰', 'hh출', 'hh출동', 'hh동'])
    expect(headTermGrams('경찰서')).toEqual(['hh경찰', 'hh찰서'])
    const text = 'hh hhh 경찰 hh경찰'
    const plain = new Set(documentGrams(text))
    expect(headGrams(text).filter((gram) => plain.has(gram))).toEqual([])
  })

  it('a term needs its pairs, a one-syllable term itself, symbols nothing', () => {
    expect(termGrams('경찰서')).toEqual(['경찰', '찰서'])
    expect(termGrams('꿩')).toEqual(['꿩'])
    expect(termGrams('100%')).toEqual(['10', '00'])
    expect(termGrams('"*:')).toEqual([])
  })

  it('only a lone word of one or two characters is proven by its grams', () => {
    expect(isExactByGrams('경찰')).toBe(true)
    expect(isExactByGrams('꿩')).toBe(true)
    expect(isExactByGrams('경찰서')).toBe(false)
    expect(isExactByGrams('a%')).toBe(false)
  })
})

describe('query terms', () => {
  it('are NFC, lower case, distinct, split on whitespace', () => {
    expect(queryTerms(' 경찰  COVID 경찰 '.normalize('NFD'), 8)).toEqual(['경찰', 'covid'])
  })

  it('lose one trailing particle, longest first, never the whole term', () => {
    expect(stemOf('울산시의')).toBe('울산시')
    expect(stemOf('부산에서')).toBe('부산')
    expect(stemOf('서울로')).toBe('서울')
    expect(stemOf('의')).toBeNull()
    expect(stemOf('경찰')).toBeNull()
  })
})

describe('htmlToText and snippets', () => {
  it('drops tags and decodes entities', () => {
    expect(htmlToText('<p>A &amp; B &lt;b&gt;</p><p>둘&#51;</p>')).toBe('A & B <b> 둘3')
  })

  it('marks every hit in an escaped passage around the first one', () => {
    const text = `${'가'.repeat(100)} 경찰이 <b>경찰</b> 뒤 ${'나'.repeat(200)}`
    const snippet = buildSnippet(text, ['경찰'])
    expect(snippet.startsWith('…')).toBe(true)
    expect(snippet).toContain('<mark>경찰</mark>이 &lt;b&gt;<mark>경찰</mark>&lt;/b&gt;')
    expect(snippet.endsWith('…')).toBe(true)
  })

  it('matches regardless of case and falls back to the opening', () => {
    expect(buildSnippet('New COVID rules', ['covid'])).toBe('New <mark>COVID</mark> rules')
    expect(buildSnippet('본문 <첫> 줄', ['없음'])).toBe('본문 &lt;첫&gt; 줄')
  })
})
