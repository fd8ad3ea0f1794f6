import iconv from 'iconv-lite'

/**
 * Reading the official 법정동코드 전체자료 file (행정표준코드관리시스템): one row per code,
 * `법정동코드<TAB>법정동명<TAB>폐지여부`. The download is EUC-KR (CP949); copies that went through an
 * editor or a spreadsheet arrive as UTF-8, sometimes with a BOM, or as UTF-16.
 */
export type RegionFileEncoding = 'cp949' | 'utf-16be' | 'utf-16le' | 'utf-8'

export type RegionFileRow = {
  code: string
  isAbolished: boolean
  /** 1-based line number in the file, for reports. */
  line: number
  /** The full path as the file gives it, e.g. `충청남도 천안시 동남구`. */
  name: string
}

export type RegionFileProblem = { line: number; text: string }

export type ParsedRegionFile = {
  encoding: RegionFileEncoding | 'text'
  /** Non-blank lines that are neither the header nor a row. */
  malformed: RegionFileProblem[]
  rows: RegionFileRow[]
}

/** A problem with the input itself; its message is one line, Korean with English in brackets. */
export class RegionImportError extends Error {
  override name = 'RegionImportError'
}

/** Decodes the file: UTF-16 by its BOM, else strict UTF-8, else CP949 (a superset of EUC-KR). */
export const decodeRegionFile = (
  buffer: Uint8Array,
): { encoding: RegionFileEncoding; text: string } => {
  if (buffer[0] === 0xff && buffer[1] === 0xfe) {
    return { encoding: 'utf-16le', text: new TextDecoder('utf-16le').decode(buffer) }
  }
  if (buffer[0] === 0xfe && buffer[1] === 0xff) {
    return { encoding: 'utf-16be', text: new TextDecoder('utf-16be').decode(buffer) }
  }
  try {
    // fatal: a single invalid sequence means the file is not UTF-8. A CP949 file practically
    // never passes, because its Hangul lead bytes include UTF-8 continuation bytes.
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(buffer) }
  } catch {
    return { encoding: 'cp949', text: iconv.decode(buffer, 'cp949') }
  }
}

// Tabs in the official file; any whitespace here, so that a copy pasted through a spreadsheet or
// a terminal (tabs turned into spaces) still reads.
const rowPattern = /^(\d{10})\s+(.+?)\s+(존재|폐지)$/
const headerPattern = /^법정동코드\s+법정동명\s+폐지여부$/

/** Splits decoded text into rows; throws a RegionImportError when nothing in it is a row. */
export const parseRegionText = (
  text: string,
  encoding: ParsedRegionFile['encoding'] = 'text',
): ParsedRegionFile => {
  const rows: RegionFileRow[] = []
  const malformed: RegionFileProblem[] = []
  let hasContent = false
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)
  lines.forEach((raw, index) => {
    const line = raw.trim()
    if (line === '') return
    hasContent = true
    if (headerPattern.test(line)) return
    const match = rowPattern.exec(line)
    if (!match) {
      malformed.push({ line: index + 1, text: line.slice(0, 60) })
      return
    }
    rows.push({
      code: match[1],
      isAbolished: match[3] === '폐지',
      line: index + 1,
      name: match[2].replace(/\s+/g, ' '),
    })
  })
  if (!hasContent) throw new RegionImportError('파일이 비어 있습니다 (the file is empty)')
  if (rows.length === 0) {
    throw new RegionImportError(
      '법정동코드 행이 없습니다: 법정동코드 전체자료 파일인지 확인하세요 (no 법정동코드 rows found; expected "code<TAB>name<TAB>존재|폐지" lines)',
    )
  }
  return { encoding, malformed, rows }
}

/** Decodes and parses a file's bytes; throws a RegionImportError for an empty or foreign file. */
export const parseRegionFile = (buffer: Uint8Array): ParsedRegionFile => {
  if (buffer.byteLength === 0)
    throw new RegionImportError('파일이 비어 있습니다 (the file is empty)')
  const { encoding, text } = decodeRegionFile(buffer)
  return parseRegionText(text, encoding)
}
