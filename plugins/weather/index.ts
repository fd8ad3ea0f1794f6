import type { Config, Plugin } from 'payload'

import type { WeatherOptions } from './types'

import { sanitizeWeatherOptions } from './defaults'
import { weatherGlobal } from './global'
import { ensureRefreshScheduled, refreshTask } from './refresh'

export type {
  KmaProviderOptions,
  PublicWeather,
  WeatherChange,
  WeatherLocation,
  WeatherOptions,
  WeatherProvider,
  WeatherReading,
} from './types'
export type { PrecipitationCode, SkyCode } from './codes'
export { WEATHER_SLUG, WEATHER_TASK } from './defaults'
export { kmaBaseTimes, kmaProvider } from './kma'
export { refreshWeather } from './refresh'

/**
 * 날씨: a `weather` global readers read (REST `GET /api/globals/weather`, GraphQL `Weather`) —
 * the provider's last good reading (KMA 단기예보 by default), refreshed by a job every
 * `intervalMinutes`, or the desk's manual override while it is on. Reads never call the provider.
 */
export const weather =
  (options: WeatherOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeWeatherOptions(options)
    return {
      ...incomingConfig,
      globals: [...(incomingConfig.globals ?? []), weatherGlobal(config)],
      jobs: {
        ...incomingConfig.jobs,
        tasks: [...(incomingConfig.jobs?.tasks ?? []), refreshTask(config)],
      },
      onInit: async (payload) => {
        await incomingConfig.onInit?.(payload)
        const shouldQueue =
          typeof config.queueAtBoot === 'function'
            ? config.queueAtBoot(payload)
            : config.queueAtBoot
        if (!config.enabled || !shouldQueue) return
        try {
          await ensureRefreshScheduled(config, payload)
        } catch (error) {
          payload.logger.error({ err: error, msg: 'weather: could not queue the first refresh' })
        }
      },
    }
  }
