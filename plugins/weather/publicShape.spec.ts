import { describe, expect, it } from 'vitest'

import { kmaBaseTimes } from './kma'
import { sanitizeWeatherOptions } from './defaults'
import { publicWeather } from './publicShape'

const config = sanitizeWeatherOptions({})

/** The reading the refresh job stored at `fetchedAt`: KMA's latest observation then. */
const readingFetchedAt = (fetchedAt: Date) => {
  const { base_date: date, base_time: time } = kmaBaseTimes(fetchedAt).nowcast
  const observedAt = `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:00:00+09:00`
  return {
    observation: {
      sky: 'overcast',
      precipitation: 'none',
      temperature: 15,
      observedAt,
      fetchedAt: fetchedAt.toISOString(),
    },
  }
}

describe('a healthy reading is never called stale', () => {
  it('at any minute of the hour, refreshed every 30 minutes from what KMA serves', () => {
    // The worst case: fetched at HH:39 (KMA still serves the previous hour's observation), read
    // just before the next refresh, 30 minutes later.
    const start = Date.parse('2026-12-08T08:00:00+09:00')
    for (let minute = 0; minute < 60; minute++) {
      const fetchedAt = new Date(start + minute * 60_000)
      const readAt = new Date(fetchedAt.getTime() + config.intervalMinutes * 60_000 - 1)
      expect(publicWeather(readingFetchedAt(fetchedAt), config, readAt).stale, `HH:${minute}`).toBe(
        false,
      )
    }
  })

  it('but a reading past staleAfterMinutes is', () => {
    const fetchedAt = new Date('2026-12-08T08:45:00+09:00')
    const readAt = new Date(fetchedAt.getTime() + 4 * 60 * 60_000)
    expect(publicWeather(readingFetchedAt(fetchedAt), config, readAt).stale).toBe(true)
  })
})
