import crypto from 'node:crypto'
import iconv from 'iconv-lite'

import type { StatementColumns } from './types'

/** A statement file that cannot be read as one: the message says what and where, in Korean first. */
export class StatementError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'StatementError'
  }
}

/** One deposit of a statement, as the import job matches it. */
export type StatementRow = {
  /** The line of the file (1-based), for people reading the list. */
  line: number
  /** The instant of the deposit (the bank's time read as KST). */
  postedAt: string
  /** Its KST calendar day, `YYYY-MM-DD`. */
  day: string
  depositor: string
  amount: number
  balance: null | string
  /** The same for the same deposit in any export of the account: re-imports find it already there. */
  key: string
}

const KST_MS = 9 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000

/** The KST calendar day (`YYYY-MM-DD`) of an instant. */
export const kstDay = (value: Date | string): string =>
  new Date(new Date(value).getTime() + KST_MS).toISOString().slice(0, 10)

/** `day` moved by `days` calendar days. */
export const addDays = (day: string, days: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10)

/** The instant a KST calendar day begins. */
export const kstDayStart = (day: string): Date => new Date(Date.parse(`${day}T00:00:00Z`) - KST_MS)

/**
 * A depositor's name as banks and pledgers variously write it, reduced to one key: compatibility
 * forms (㈜ → (주), full-width letters) and NFC, no spaces or punctuation, no company markers
 * ((주), 주식회사, (유), (사), (재)), Latin letters lower-cased.
 */
export const normaliseDepositor = (name: string): string =>
  name
    .normalize('NFKC')
    .replace(/\((주|유|사|재|합|학|의|복)\)/g, '')
    .replace(/주식회사|유한회사|사단법인|재단법인/g, '')
    .replace(/[\s\p{P}\p{S}]+/gu, '')
    .toLowerCase()
    .normalize('NFC')

/** The file's text: UTF-8 (with or without BOM), UTF-16 with a BOM, else EUC-KR (CP949). */
export const decodeStatement = (data: Buffer): { encoding: string; text: string } => {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf)
    return { encoding: 'utf-8', text: data.subarray(3).toString('utf8') }
  if (data[0] === 0xff && data[1] === 0xfe)
    return { encoding: 'utf-16le', text: iconv.decode(data.subarray(2), 'utf-16le') }
  if (data[0] === 0xfe && data[1] === 0xff)
    return { encoding: 'utf-16be', text: iconv.decode(data.subarray(2), 'utf-16be') }
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(data) }
  } catch {
    return { encoding: 'euc-kr', text: iconv.decode(data, 'cp949') }
  }
}

/** RFC 4180 CSV (quotes, doubled quotes, line breaks in quotes); tab- or semicolon-separated too. */
export const parseCsv = (text: string): string[][] => {
  const firstLine = text.slice(0, text.search(/\r?\n|$/))
  const delimiter = [',', '\t', ';'].reduce((best, candidate) =>
    firstLine.split(candidate).length > firstLine.split(best).length ? candidate : best,
  )
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"'
        i++
      } else if (char === '"') quoted = false
      else cell += char
    } else if (char === '"' && cell.trim() === '') {
      cell = ''
      quoted = true
    } else if (char === delimiter) {
      row.push(cell)
      cell = ''
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++
      row.push(cell)
      rows.push(row)
      row = []
      cell = ''
    } else cell += char
  }
  if (quoted)
    throw new StatementError('CSV의 따옴표가 닫히지 않았습니다 (an unclosed quote in the CSV)')
  if (cell !== '' || row.length > 0) {
    row.push(cell)
    rows.push(row)
  }
  return rows
}

/** A header as compared: no spaces, no unit in brackets (`입금액(원)`), lower case. */
const headerKey = (header: string): string =>
  header
    .normalize('NFKC')
    .replace(/\(.*?\)|\[.*?\]/g, '')
    .replace(/[\s_*:]+/g, '')
    .toLowerCase()

const findColumn = (headers: string[], names: string[]): number => {
  const keys = headers.map(headerKey)
  for (const name of names) {
    const index = keys.indexOf(headerKey(name))
    if (index >= 0) return index
  }
  // Variants such as `입금액합계` or `거래일시(KST)`: a header that begins with a known name.
  for (const name of names) {
    const wanted = headerKey(name)
    const index = keys.findIndex((key) => wanted.length >= 2 && key.startsWith(wanted))
    if (index >= 0) return index
  }
  return -1
}

/** A money cell: `1,000`, `1000원`, `₩1,000`, ` 1000 ` → 1000; empty → 0; else null. */
export const parseAmount = (cell: string): null | number => {
  const text = cell.normalize('NFKC').replace(/[\s,원₩\\]/g, '')
  if (text === '' || text === '-') return 0
  if (!/^\d+(\.0+)?$/.test(text)) return null
  return Number.parseInt(text, 10)
}

/** `2026-12-01 14:23:05`, `2026.12.01 14:23`, `2026/12/01`, `20261201`, `2026-12-01T14:23` as KST. */
export const parseKstTime = (cell: string): Date | null => {
  const match =
    /^(\d{4})[-./년\s]*(\d{1,2})[-./월\s]*(\d{1,2})일?(?:[\sT]+(\d{1,2}):(\d{2})(?::(\d{2}))?)?$/.exec(
      cell.normalize('NFKC').trim(),
    )
  if (!match) return null
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0))
  if (month! < 1 || month! > 12 || day! < 1 || day! > 31 || hour! > 23 || minute! > 59) return null
  const time = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!) - KST_MS
  const date = new Date(time)
  // 2월 30일 and the like roll over: refuse them.
  if (kstDay(date) !== `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`)
    return null
  return date
}

const lineKey = (parts: string[]): string =>
  crypto.createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 32)

/**
 * The deposits of a bank statement export: the header row is found among the first lines (banks
 * put the account and period above it), its columns by `columns`' names; withdrawals and empty
 * lines are left out. Anything unreadable is a StatementError naming the line and column.
 */
export const readStatement = (
  data: Buffer,
  columns: StatementColumns,
): { encoding: string; rows: StatementRow[]; skipped: number } => {
  const { encoding, text } = decodeStatement(data)
  if (text.includes('\u0000'))
    throw new StatementError('CSV 파일이 아닙니다 (the file is not a CSV text file)')
  const table = parseCsv(text)
  const headerAt = table
    .slice(0, 20)
    .findIndex((row) => findColumn(row, columns.date) >= 0 && findColumn(row, columns.deposit) >= 0)
  if (headerAt < 0)
    throw new StatementError(
      `머리글 줄을 찾을 수 없습니다: ${columns.date[0]}, ${columns.deposit[0]} 열이 필요합니다 (no header row with a date and a deposit column)`,
    )
  const headers = table[headerAt]!
  const at = {
    date: findColumn(headers, columns.date),
    depositor: findColumn(headers, columns.depositor),
    deposit: findColumn(headers, columns.deposit),
    withdrawal: findColumn(headers, columns.withdrawal),
    balance: findColumn(headers, columns.balance),
  }
  if (at.depositor < 0)
    throw new StatementError(
      `${columns.depositor[0]} 열을 찾을 수 없습니다 (no depositor column: ${columns.depositor.join(', ')})`,
    )
  const rows: StatementRow[] = []
  const seen = new Map<string, number>()
  let skipped = 0
  table.slice(headerAt + 1).forEach((cells, index) => {
    const line = headerAt + index + 2
    if (cells.every((cell) => cell.trim() === '')) return
    const cell = (column: number) => (column >= 0 ? (cells[column] ?? '').trim() : '')
    const deposit = parseAmount(cell(at.deposit))
    if (deposit === null)
      throw new StatementError(
        `${line}번째 줄: ${headers[at.deposit]} 값이 금액이 아닙니다 (line ${line}: the deposit is not an amount: ${cell(at.deposit).slice(0, 40)})`,
      )
    // Withdrawals, and totals lines banks append (합계 with no date), are no deposits.
    if (deposit === 0 || (cell(at.date) === '' && /합계|total/i.test(cells.join('')))) {
      skipped++
      return
    }
    const time = parseKstTime(cell(at.date))
    if (!time)
      throw new StatementError(
        `${line}번째 줄: ${headers[at.date]} 값이 날짜가 아닙니다 (line ${line}: not a date: ${cell(at.date).slice(0, 40)})`,
      )
    const depositor = cell(at.depositor)
    if (!depositor)
      throw new StatementError(
        `${line}번째 줄: ${headers[at.depositor]} 값이 비어 있습니다 (line ${line}: no depositor)`,
      )
    const balance =
      at.balance >= 0 ? String(parseAmount(cell(at.balance)) ?? cell(at.balance)) : null
    const identity = [
      time.toISOString(),
      normaliseDepositor(depositor),
      String(deposit),
      balance ?? '',
    ]
    // Two identical deposits in one export stay two lines: their order among equals tells them apart.
    const occurrence = (seen.get(identity.join('|')) ?? 0) + 1
    seen.set(identity.join('|'), occurrence)
    rows.push({
      line,
      postedAt: time.toISOString(),
      day: kstDay(time),
      depositor,
      amount: deposit,
      balance,
      key: lineKey([...identity, String(occurrence)]),
    })
  })
  if (rows.length === 0 && skipped === 0)
    throw new StatementError('입금 내역이 없습니다 (the statement has no lines)')
  return { encoding, rows, skipped }
}
