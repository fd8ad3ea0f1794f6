import { describe, expect, it } from 'vitest'

import { slugify } from './slugs'

describe('slugify', () => {
  it('keeps Hangul and joins words with hyphens', () => {
    expect(slugify('‘울산형 사회 혁신’본격 추진')).toBe('울산형-사회-혁신-본격-추진')
  })
  it('lower-cases Latin letters and drops punctuation at the ends', () => {
    expect(slugify('  Hello, World! 2020 ')).toBe('hello-world-2020')
  })
  it('caps the length without leaving a trailing hyphen', () => {
    const slug = slugify('가'.repeat(119) + ' 나나')
    expect(slug.length).toBeLessThanOrEqual(120)
    expect(slug.endsWith('-')).toBe(false)
  })
})
