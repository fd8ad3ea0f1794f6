import type { Payload, PayloadRequest } from 'payload'

import type { ContentChange } from '../shared/contentChange'
import type { PrecipitationCode, SkyCode } from './codes'

/** Where the weather is read: a label for readers and the KMA 격자 (grid) point. */
export type WeatherLocation = {
  /** Shown to readers, e.g. `서울`. */
  name: string
  /** KMA grid x (동네예보 격자 X). */
  nx: number
  /** KMA grid y (동네예보 격자 Y). */
  ny: number
}

/** One reading as a provider answers it. */
export type WeatherReading = {
  sky: SkyCode
  precipitation: PrecipitationCode
  /** °C */
  temperature: number
  /** When the provider observed it. */
  observedAt: Date
}

/**
 * A weather source. `fetch` answers a reading or throws (an Error whose message the desk sees;
 * never put a key or secret in it). It is called only by the refresh job and the desk's refresh
 * endpoint, never by a reader's request. `signal` aborts it at the configured timeout.
 */
export type WeatherProvider = {
  /** Stable id, answered to readers as `source` (e.g. `kma`). */
  name: string
  fetch: (args: {
    location: WeatherLocation
    now: Date
    signal: AbortSignal
  }) => Promise<WeatherReading>
}

export type KmaProviderOptions = {
  /** data.go.kr service key (일반 인증키, Encoding or Decoding). @default env NEWSROOM_KMA_SERVICE_KEY */
  serviceKey?: string
  /** @default env NEWSROOM_KMA_BASE_URL, else 'https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0' */
  baseUrl?: string
}

/** A change readers can see; `keys`: those of the responses that showed it (`weather:global`). */
export type WeatherChange = ContentChange<'weather.changed'>

export type WeatherOptions = {
  /** Slug of the global. @default 'weather' */
  slug?: string
  /** @default { name: '서울', nx: 60, ny: 127 } */
  location?: WeatherLocation
  /** The provider: KMA 단기예보 by default, or any `WeatherProvider`. */
  provider?: WeatherProvider
  /** Options of the built-in KMA provider (ignored when `provider` is given). */
  kma?: KmaProviderOptions
  /** How often the job refreshes the stored reading, in minutes. @default 30 */
  intervalMinutes?: number
  /** A reading older than this is answered with `stale: true`, in minutes (KMA's observations are up to ~130 min old when healthy). @default 180 */
  staleAfterMinutes?: number
  /** How long one provider call may take, in milliseconds. @default 10000 */
  timeoutMs?: number
  /** Who sets the manual override and asks for a refresh. @default staff with role admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /**
   * Queue the first refresh at boot (unless one waits already); each run queues the next. Pass a
   * function to decide per process, e.g. only where jobs run. @default true
   */
  queueAtBoot?: boolean | ((payload: Payload) => boolean)
  /** Slug of the refresh task. @default 'weather-refresh' */
  taskSlug?: string
  /**
   * Called after a change to what readers get (inside the save's transaction), e.g. to purge CDN
   * copies of `GET /api/globals/<slug>` and GraphQL answers: the desk's override, a new reading,
   * a failed refresh that makes the reading stale. A save that leaves the readers' weather as it
   * was — the job bringing the same hourly reading again — calls nothing.
   */
  onChange?: (change: WeatherChange) => Promise<void> | void
  /** When false the global stays (stable schema) and nothing is fetched or scheduled. @default true */
  enabled?: boolean
}

export type SanitizedWeatherConfig = Required<Omit<WeatherOptions, 'kma' | 'onChange'>> & {
  onChange?: WeatherOptions['onChange']
}

/** What readers get (REST `GET /api/globals/weather` and GraphQL `Weather`). */
export type PublicWeather = {
  location: null | string
  sky: null | string
  skyCode: null | SkyCode
  precipitation: null | string
  precipitationCode: null | PrecipitationCode
  /** The one word for the weather line: the precipitation when there is some, else the sky. */
  summary: null | string
  temperature: null | number
  observedAt: null | string
  source: null | string
  stale: boolean
}
