import type { PayloadRequest } from 'payload'

import type { SanitizedWeatherConfig, WeatherOptions } from './types'

import { isStaffWithRole } from '../shared/staffUser'
import { kmaProvider } from './kma'

export const WEATHER_SLUG = 'weather'
export const WEATHER_TASK = 'weather-refresh'

const defaultIsDesk = (req: PayloadRequest): boolean => isStaffWithRole(req, 'admin', 'editor')

const positive = (value: number | undefined, fallback: number, name: string): number => {
  const result = value ?? fallback
  if (!Number.isFinite(result) || result <= 0)
    throw new Error(`weather: ${name} must be a number above 0 (got ${String(value)})`)
  return result
}

export const sanitizeWeatherOptions = (options: WeatherOptions = {}): SanitizedWeatherConfig => ({
  slug: options.slug ?? WEATHER_SLUG,
  location: options.location ?? { name: '서울', nx: 60, ny: 127 },
  provider: options.provider ?? kmaProvider(options.kma),
  intervalMinutes: positive(options.intervalMinutes, 30, 'intervalMinutes'),
  // KMA serves the HH:00 observation from HH:40 and it is refreshed every 30 min: a healthy
  // reading is up to ~130 min old, so 90 called it stale for part of every hour.
  staleAfterMinutes: positive(options.staleAfterMinutes, 180, 'staleAfterMinutes'),
  timeoutMs: positive(options.timeoutMs, 10_000, 'timeoutMs'),
  isDesk: options.isDesk ?? defaultIsDesk,
  queueAtBoot: options.queueAtBoot ?? true,
  taskSlug: options.taskSlug ?? WEATHER_TASK,
  onChange: options.onChange,
  enabled: options.enabled ?? true,
})
