import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { decodeRegionFile, parseRegionFile, parseRegionText, RegionImportError } from './regionFile'

const text =
  '법정동코드\t법정동명\t폐지여부\r\n4413100000\t충청남도 천안시 동남구\t존재\r\n4200000000\t강원도\t폐지\r\n'

describe('decodeRegionFile', () => {
  it('reads UTF-8 with and without a BOM, dropping the BOM', () => {
    const plain = Buffer.from(text, 'utf8')
    expect(decodeRegionFile(plain)).toEqual({ encoding: 'utf-8', text })
    expect(decodeRegionFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), plain]))).toEqual({
      encoding: 'utf-8',
      text,
    })
  })

  it('falls back to CP949 for the official EUC-KR download', () => {
    expect(decodeRegionFile(iconv.encode(text, 'euc-kr'))).toEqual({ encoding: 'cp949', text })
  })

  it('reads UTF-16 by its BOM, as spreadsheets save "Unicode text"', () => {
    expect(decodeRegionFile(iconv.encode(text, 'utf-16le', { addBOM: true }))).toEqual({
      encoding: 'utf-16le',
      text,
    })
  })
})

describe('parseRegionText', () => {
  it('skips the header and blank lines and keeps line numbers for reports', () => {
    expect(parseRegionText(`${text}\r\n`).rows).toEqual([
      { code: '4413100000', isAbolished: false, line: 2, name: '충청남도 천안시 동남구' },
      { code: '4200000000', isAbolished: true, line: 3, name: '강원도' },
    ])
  })

  it('accepts spaces where tabs were lost and reports lines that are not rows', () => {
    const parsed = parseRegionText(
      '3100000000   울산광역시  존재\n3111000000\t울산광역시  중구\t존재\nnot a row\n',
    )
    expect(parsed.rows.map((row) => row.name)).toEqual(['울산광역시', '울산광역시 중구'])
    expect(parsed.malformed).toEqual([{ line: 3, text: 'not a row' }])
  })

  it('throws a RegionImportError for empty input or input without rows', () => {
    expect(() => parseRegionFile(Buffer.alloc(0))).toThrow(RegionImportError)
    expect(() => parseRegionText(' \n\t\n')).toThrow('the file is empty')
    expect(() => parseRegionText('법정동코드\t법정동명\t폐지여부\n')).toThrow(
      'no 법정동코드 rows found',
    )
  })
})
