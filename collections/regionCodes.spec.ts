import { describe, expect, it } from 'vitest'

import { parseRegionCode } from './regionCodes'

describe('parseRegionCode', () => {
  it('recognises a 시도 and a 시군구', () => {
    expect(parseRegionCode('3100000000')).toEqual({ level: 'sido', sidoCode: '3100000000' })
    expect(parseRegionCode('4480000000')).toEqual({ level: 'sigungu', sidoCode: '4400000000' })
  })
  it('knows the renamed special self-governing provinces', () => {
    expect(parseRegionCode('5111000000')).toEqual({ level: 'sigungu', sidoCode: '5100000000' })
    expect(parseRegionCode('5211300000')).toEqual({ level: 'sigungu', sidoCode: '5200000000' })
  })
  it('rejects unknown prefixes, wrong lengths and 읍면동 codes', () => {
    expect(parseRegionCode('9900000000')).toHaveProperty('error')
    expect(parseRegionCode('31000')).toHaveProperty('error')
    expect(parseRegionCode('3111010100')).toHaveProperty('error')
  })
})
