import type { PublicWeather, SanitizedWeatherConfig } from './types'

import { KstInstant } from '../shared/publicTimes'
import {
  isPrecipitationCode,
  isSkyCode,
  type PrecipitationCode,
  precipitationText,
  type SkyCode,
  skyText,
} from './codes'

type Stored = {
  observation?: null | {
    sky?: null | string
    precipitation?: null | string
    temperature?: null | number
    observedAt?: null | string
    locationLabel?: null | string
    provider?: null | string
    fetchedAt?: null | string
  }
  refresh?: null | { lastError?: null | string; lastErrorAt?: null | string }
  override?: null | {
    active?: boolean | null
    sky?: null | string
    precipitation?: null | string
    temperature?: null | number
    locationLabel?: null | string
    until?: null | string
    setAt?: null | string
  }
}

const time = (value: null | string | undefined): number =>
  value ? new Date(value).getTime() : Number.NaN

/** The desk's override is in force: switched on and its until-time (if any) not yet passed. */
export const isOverrideActive = (doc: Stored, now: Date): boolean => {
  const override = doc.override
  if (!override?.active) return false
  return !override.until || time(override.until) > now.getTime()
}

const shape = (
  location: null | string,
  sky: null | SkyCode,
  precipitation: PrecipitationCode,
  temperature: null | number,
  observedAt: null | string | undefined,
  source: null | string,
  stale: boolean,
): PublicWeather => ({
  location,
  sky: sky ? skyText[sky] : null,
  skyCode: sky,
  precipitation: precipitationText[precipitation],
  precipitationCode: precipitation,
  summary: precipitation !== 'none' ? precipitationText[precipitation] : sky ? skyText[sky] : null,
  temperature,
  // RFC 3339 with +09:00 on REST and GraphQL alike (DESIGN.md, "Times").
  observedAt: observedAt ? (new KstInstant(observedAt) as unknown as string) : null,
  source,
  stale,
})

/**
 * What readers get, from the stored document alone (a read never calls the provider): the desk's
 * override while it is in force, else the last good reading — `stale` when the last refresh
 * failed or the reading is older than `staleAfterMinutes`.
 */
export const publicWeather = (
  doc: Stored,
  config: SanitizedWeatherConfig,
  now: Date,
): PublicWeather => {
  if (isOverrideActive(doc, now)) {
    const override = doc.override!
    return shape(
      override.locationLabel || config.location.name,
      isSkyCode(override.sky) ? override.sky : null,
      isPrecipitationCode(override.precipitation) ? override.precipitation : 'none',
      typeof override.temperature === 'number' ? override.temperature : null,
      override.setAt,
      'manual',
      false,
    )
  }
  const observation = doc.observation
  if (!observation?.fetchedAt || !isSkyCode(observation.sky)) {
    return {
      ...shape(null, null, 'none', null, null, null, true),
      precipitation: null,
      precipitationCode: null,
    }
  }
  const failedSince = time(doc.refresh?.lastErrorAt) > time(observation.fetchedAt)
  const isOld =
    now.getTime() - time(observation.observedAt ?? observation.fetchedAt) >
    config.staleAfterMinutes * 60_000
  return shape(
    observation.locationLabel || config.location.name,
    observation.sky,
    isPrecipitationCode(observation.precipitation) ? observation.precipitation : 'none',
    typeof observation.temperature === 'number' ? observation.temperature : null,
    observation.observedAt,
    observation.provider ?? null,
    failedSince || isOld,
  )
}
