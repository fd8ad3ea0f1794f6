import { describe, expect, it } from 'vitest'

import { datesToKst, toKstRfc822 } from './kstDates'

describe('feed dates in Korea time', () => {
  it('formats RFC 822 with +0900', () => {
    expect(toKstRfc822('2020-04-17T04:33:00.000Z')).toBe('Fri, 17 Apr 2020 13:33:00 +0900')
    expect(toKstRfc822('2020-04-16T15:30:00.000Z')).toBe('Fri, 17 Apr 2020 00:30:00 +0900')
  })
  it('rewrites RSS and Atom date elements', () => {
    expect(datesToKst('<pubDate>Fri, 17 Apr 2020 04:33:00 GMT</pubDate>', 'rss')).toBe(
      '<pubDate>Fri, 17 Apr 2020 13:33:00 +0900</pubDate>',
    )
    expect(datesToKst('<updated>2020-04-17T04:33:00.000Z</updated>', 'atom')).toBe(
      '<updated>2020-04-17T13:33:00+09:00</updated>',
    )
  })
})
