import { describe, expect, it } from 'vitest'

import { formatKstIso, formatKstList, formatKstRegister, instantsToKst } from './formatKst'

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

describe('KST formatting against the zone database', () => {
  const zone = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  })
  const expected = (time: number) => {
    const part = Object.fromEntries(
      zone.formatToParts(new Date(time)).map((entry) => [entry.type, entry.value]),
    )
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}:${part.second}`
  }

  it('agrees at every hour around the end of summer time and at 20,000 moments up to 2100', () => {
    const end = Date.UTC(1988, 9, 8, 18)
    for (let hour = -48; hour <= 48; hour++)
      expect(formatKstList(new Date(end + hour * 3_600_000 + 1234))).toBe(
        expected(end + hour * 3_600_000 + 1234),
      )
    let seed = 7
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31
    const from = Date.UTC(1970, 0, 1)
    const to = Date.UTC(2100, 0, 1)
    for (let index = 0; index < 20_000; index++) {
      const time = Math.floor(from + random() * (to - from))
      expect(formatKstList(new Date(time)), new Date(time).toISOString()).toBe(expected(time))
    }
  })

  it('gives the offset of the time in ISO form, including the 1987–88 summer time', () => {
    expect(formatKstIso('1988-07-01T00:00:00.000Z')).toBe('1988-07-01T10:00:00+10:00')
    expect(formatKstIso('1988-12-01T00:00:00.000Z')).toBe('1988-12-01T09:00:00+09:00')
    expect(formatKstIso('1985-12-01T00:00:00.000Z')).toBe('1985-12-01T09:00:00+09:00')
  })

  it('keeps milliseconds when asked (webhook timestamps, which receivers sort)', () => {
    expect(formatKstIso('2020-04-17T04:33:00.007Z', { withMilliseconds: true })).toBe(
      '2020-04-17T13:33:00.007+09:00',
    )
  })

  it('turns every stored UTC instant of a payload into +09:00, and nothing else', () => {
    expect(
      instantsToKst({
        at: '2020-04-17T04:33:00.000Z',
        list: [{ publishedAt: '2020-04-17T04:33:00Z' }],
        text: '2020-04-17 is not an instant',
        n: 3,
        none: null,
      }),
    ).toEqual({
      at: '2020-04-17T13:33:00+09:00',
      list: [{ publishedAt: '2020-04-17T13:33:00+09:00' }],
      text: '2020-04-17 is not an instant',
      n: 3,
      none: null,
    })
  })
})
