import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'

import { addMonths } from './activation'
import { DEFAULT_COLUMNS, sanitizeSubscriptionsOptions } from './defaults'
import {
  decodeStatement,
  normaliseDepositor,
  parseAmount,
  parseCsv,
  parseKstTime,
  readStatement,
  StatementError,
} from './statement'
import { remindersTask } from './tasks/reminders'

describe('normaliseDepositor', () => {
  it('reduces company markers, spaces, compatibility forms and NFD to one key', () => {
    const key = normaliseDepositor('뉴스상사')
    for (const name of [
      '(주)뉴스상사',
      '㈜ 뉴스상사',
      '뉴스상사 (주)',
      '주식회사 뉴스상사',
      '뉴스상사'.normalize('NFD'),
    ])
      expect(normaliseDepositor(name)).toBe(key)
    expect(normaliseDepositor('ＫＩＭ Min-su')).toBe('kimminsu')
    expect(normaliseDepositor('홍길동')).not.toBe(normaliseDepositor('홍길순'))
  })
})

describe('statement reading', () => {
  it('detects UTF-8 (with and without BOM) and EUC-KR', () => {
    expect(decodeStatement(Buffer.from('\uFEFF입금액', 'utf8'))).toEqual({
      encoding: 'utf-8',
      text: '입금액',
    })
    expect(decodeStatement(Buffer.from('입금액', 'utf8')).encoding).toBe('utf-8')
    expect(decodeStatement(iconv.encode('입금자명,입금액', 'euc-kr'))).toEqual({
      encoding: 'euc-kr',
      text: '입금자명,입금액',
    })
  })

  it('parses quoted cells, doubled quotes and tab-separated exports', () => {
    expect(parseCsv('a,"1,000","say ""hi"""\r\nb,2,')).toEqual([
      ['a', '1,000', 'say "hi"'],
      ['b', '2', ''],
    ])
    expect(parseCsv('거래일시\t입금액\n2026-12-01\t1000')).toEqual([
      ['거래일시', '입금액'],
      ['2026-12-01', '1000'],
    ])
  })

  it('reads amounts and KST times as banks write them', () => {
    expect(parseAmount('1,000원')).toBe(1000)
    expect(parseAmount('')).toBe(0)
    expect(parseAmount('천원')).toBeNull()
    expect(parseKstTime('2026.12.01 09:30')?.toISOString()).toBe('2026-12-01T00:30:00.000Z')
    expect(parseKstTime('20261201')?.toISOString()).toBe('2026-11-30T15:00:00.000Z')
    expect(parseKstTime('2026-02-30')).toBeNull()
  })

  it('gives one deposit the same key in any export, and two equal deposits two keys', () => {
    const header = '거래일시,입금자명,입금액,출금액'
    const a = readStatement(
      Buffer.from(`${header}\n2026-12-01 10:00,홍길동,1000,0\n2026-12-01 10:00,홍길동,1000,0`),
      DEFAULT_COLUMNS,
    )
    const b = readStatement(
      Buffer.from(`${header}\n2026-12-01 10:00,홍 길동,"1,000",`),
      DEFAULT_COLUMNS,
    )
    expect(a.rows).toHaveLength(2)
    expect(a.rows[0]!.key).not.toBe(a.rows[1]!.key)
    expect(b.rows[0]!.key).toBe(a.rows[0]!.key)
  })

  it('names the line and column of what it cannot read', () => {
    expect(() => readStatement(Buffer.from('이름,금액\n홍길동,1'), DEFAULT_COLUMNS)).toThrow(
      StatementError,
    )
    expect(() =>
      readStatement(
        Buffer.from('거래일시,입금자명,입금액\n2026-12-01,홍길동,1000\n어제,김,1000'),
        DEFAULT_COLUMNS,
      ),
    ).toThrow(/3번째 줄/)
  })
})

describe('addMonths', () => {
  it('keeps the day, or the month’s last', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28')
    expect(addMonths('2026-11-15', 12)).toBe('2027-11-15')
    expect(addMonths('2026-12-01', 1)).toBe('2027-01-01')
  })
})

describe('the reminders task', () => {
  it('is scheduled hourly on the default queue unless told otherwise', () => {
    expect(remindersTask(sanitizeSubscriptionsOptions()).schedule).toEqual([
      { cron: '0 0 * * * *', queue: 'default' },
    ])
    expect(
      remindersTask(sanitizeSubscriptionsOptions({ remindersCron: false })).schedule,
    ).toBeUndefined()
  })
})
