/**
 * 법정동코드 (legal-dong codes): 10 digits, SS GGG DDD RR. A 시도 is SS00000000, a 시군구 is
 * SSGGG00000 with GGG ≠ 000. The current 시도 are shipped with the package so a fresh newsroom has
 * its regions before anyone imports the full official list.
 */
export type RegionLevel = 'sido' | 'sigungu'

export type SidoSeed = {
  code: string
  fullName: string
  name: string
  shortName: string
  validFrom?: string
  validTo?: string
}

export const sidoList: SidoSeed[] = [
  { code: '1100000000', fullName: '서울특별시', name: '서울시', shortName: '서울' },
  { code: '2600000000', fullName: '부산광역시', name: '부산시', shortName: '부산' },
  { code: '2700000000', fullName: '대구광역시', name: '대구시', shortName: '대구' },
  { code: '2800000000', fullName: '인천광역시', name: '인천시', shortName: '인천' },
  { code: '2900000000', fullName: '광주광역시', name: '광주시', shortName: '광주' },
  { code: '3000000000', fullName: '대전광역시', name: '대전시', shortName: '대전' },
  { code: '3100000000', fullName: '울산광역시', name: '울산시', shortName: '울산' },
  { code: '3600000000', fullName: '세종특별자치시', name: '세종시', shortName: '세종' },
  { code: '4100000000', fullName: '경기도', name: '경기도', shortName: '경기' },
  {
    code: '4200000000',
    fullName: '강원도',
    name: '강원도',
    shortName: '강원',
    validTo: '2023-06-10',
  },
  { code: '4300000000', fullName: '충청북도', name: '충청북도', shortName: '충북' },
  { code: '4400000000', fullName: '충청남도', name: '충청남도', shortName: '충남' },
  {
    code: '4500000000',
    fullName: '전라북도',
    name: '전라북도',
    shortName: '전북',
    validTo: '2024-01-17',
  },
  { code: '4600000000', fullName: '전라남도', name: '전라남도', shortName: '전남' },
  { code: '4700000000', fullName: '경상북도', name: '경상북도', shortName: '경북' },
  { code: '4800000000', fullName: '경상남도', name: '경상남도', shortName: '경남' },
  { code: '5000000000', fullName: '제주특별자치도', name: '제주도', shortName: '제주' },
  {
    code: '5100000000',
    fullName: '강원특별자치도',
    name: '강원특별자치도',
    shortName: '강원',
    validFrom: '2023-06-11',
  },
  {
    code: '5200000000',
    fullName: '전북특별자치도',
    name: '전북특별자치도',
    shortName: '전북',
    validFrom: '2024-01-18',
  },
]

const knownSidoPrefixes = new Set(sidoList.map((sido) => sido.code.slice(0, 2)))

export type ParsedRegionCode = { level: RegionLevel; sidoCode: string }

/** Returns the level and 시도 of a code, or a Korean/English error message naming what is wrong. */
export const parseRegionCode = (code: unknown): ParsedRegionCode | { error: string } => {
  if (typeof code !== 'string' || !/^\d{10}$/.test(code)) {
    return { error: '법정동코드는 숫자 10자리여야 합니다 (a region code is 10 digits)' }
  }
  if (!knownSidoPrefixes.has(code.slice(0, 2))) {
    return { error: `알 수 없는 시도 코드입니다: ${code.slice(0, 2)} (unknown 시도 prefix)` }
  }
  const sidoCode = `${code.slice(0, 2)}00000000`
  if (code === sidoCode) return { level: 'sido', sidoCode }
  if (/^\d{5}0{5}$/.test(code)) return { level: 'sigungu', sidoCode }
  return { error: `시도 또는 시군구 코드가 아닙니다 (읍면동·리 코드): ${code}` }
}
