import { describe, expect, it } from 'vitest'

import { formatKstIso, formatKstList, formatKstRegister } from './formatKst'

describe('KST formatting', () => {
  const registered = '2020-04-17T04:33:00.000Z'

  it('formats the register line as on the seed page', () => {
    expect(formatKstRegister(registered)).toBe('2020년04월17일 13시33분')
  })
  it('formats the list line with seconds', () => {
    expect(formatKstList('2020-04-17T04:37:43.000Z')).toBe('2020-04-17 13:37:43')
  })
  it('crosses midnight into the Korean date', () => {
    expect(formatKstList('2020-04-16T15:00:00.000Z')).toBe('2020-04-17 00:00:00')
    expect(formatKstIso('2020-04-16T15:00:00.000Z')).toBe('2020-04-17T00:00:00+09:00')
  })
  it('answers null for missing or invalid input', () => {
    expect(formatKstRegister(null)).toBeNull()
    expect(formatKstList('not a date')).toBeNull()
  })
})
