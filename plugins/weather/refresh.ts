import type { GlobalSlug, Payload, PayloadRequest, TaskConfig, Where } from 'payload'

import type { SanitizedWeatherConfig, WeatherReading } from './types'

import { isPrecipitationCode, isSkyCode } from './codes'
import { isOverrideActive } from './publicShape'

type StoredWeather = {
  observation?: null | { fetchedAt?: null | string }
  refresh?: null | { lastError?: null | string; lastErrorAt?: null | string }
  override?: null | { active?: boolean | null; until?: null | string }
}

export type RefreshResult = { status: 'failed' | 'refreshed' | 'skipped'; error?: string }

const time = (value: null | string | undefined): number =>
  value ? new Date(value).getTime() : Number.NaN

/** A provider's reading, checked before it replaces the last good one. */
const checkReading = (reading: WeatherReading): WeatherReading => {
  if (!reading || !isSkyCode(reading.sky)) throw new Error('provider answered no known sky')
  if (!isPrecipitationCode(reading.precipitation))
    throw new Error('provider answered no known precipitation')
  if (
    typeof reading.temperature !== 'number' ||
    !Number.isFinite(reading.temperature) ||
    Math.abs(reading.temperature) > 70
  )
    throw new Error('provider answered an impossible temperature')
  const observedAt = new Date(reading.observedAt)
  if (Number.isNaN(observedAt.getTime())) throw new Error('provider answered no observation time')
  return { ...reading, observedAt }
}

/** The message the desk sees: no secret from the environment, and not a novel. */
const deskMessage = (error: unknown): string => {
  let message = error instanceof Error ? error.message : String(error)
  const key = process.env.NEWSROOM_KMA_SERVICE_KEY
  if (key && key.length >= 4) {
    message = message.split(key).join('***').split(encodeURIComponent(key)).join('***')
  }
  return message.slice(0, 500) || 'unknown error'
}

/**
 * Asks the provider once and stores the answer. A failure (outage, timeout, bad answer) keeps the
 * last good reading and records the error and its time; it is logged once, when it starts or
 * changes, not on every attempt. Unless `force`, a reading fetched within the interval is kept
 * (two job chains, e.g. after two processes booted at once, cost no extra calls).
 */
export const refreshWeather = async (
  config: SanitizedWeatherConfig,
  req: PayloadRequest,
  { force = false }: { force?: boolean } = {},
): Promise<RefreshResult> => {
  const { payload } = req
  const slug = config.slug as GlobalSlug
  const stored = (await payload.findGlobal({
    slug,
    depth: 0,
    overrideAccess: true,
    req,
  })) as unknown as StoredWeather
  const now = new Date()
  const fetchedAt = time(stored.observation?.fetchedAt)
  if (!force && now.getTime() - fetchedAt < config.intervalMinutes * 60_000 * 0.9)
    return { status: 'skipped' }
  // An override whose time has passed is switched off, so the admin shows what readers see.
  const expiredOverride =
    stored.override?.active && !isOverrideActive(stored as never, now)
      ? { override: { ...stored.override, active: false } }
      : {}
  const wasFailing = time(stored.refresh?.lastErrorAt) > (Number.isNaN(fetchedAt) ? 0 : fetchedAt)
  try {
    const reading = checkReading(
      await config.provider.fetch({
        location: config.location,
        now,
        signal: AbortSignal.timeout(config.timeoutMs),
      }),
    )
    await payload.updateGlobal({
      slug,
      data: {
        ...expiredOverride,
        observation: {
          sky: reading.sky,
          precipitation: reading.precipitation,
          temperature: reading.temperature,
          observedAt: reading.observedAt.toISOString(),
          locationLabel: config.location.name,
          provider: config.provider.name,
          fetchedAt: now.toISOString(),
        },
        refresh: { ...stored.refresh, lastAttemptAt: now.toISOString(), lastError: null },
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    if (wasFailing) payload.logger.info(`weather: ${config.provider.name} answers again`)
    return { status: 'refreshed' }
  } catch (error) {
    const message = deskMessage(error)
    await payload.updateGlobal({
      slug,
      data: {
        ...expiredOverride,
        refresh: {
          lastAttemptAt: now.toISOString(),
          lastError: message,
          lastErrorAt: now.toISOString(),
        },
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    // Once per outage (or when its cause changes), not every interval.
    if (!wasFailing || stored.refresh?.lastError !== message)
      payload.logger.warn(
        `weather: ${config.provider.name} refresh failed, keeping the last reading: ${message}`,
      )
    return { status: 'failed', error: message }
  }
}

/** Jobs of the refresh task still waiting to run (not the one running now). */
const waitingRefreshes = (config: SanitizedWeatherConfig, exceptId?: number | string): Where => ({
  and: [
    { taskSlug: { equals: config.taskSlug } },
    { completedAt: { exists: false } },
    { hasError: { not_equals: true } },
    ...(exceptId === undefined ? [] : [{ id: { not_equals: exceptId } }]),
  ],
})

const hasWaiting = async (payload: Payload, where: Where, req?: PayloadRequest) =>
  (
    await payload.count({
      collection: 'payload-jobs',
      overrideAccess: true,
      req,
      where,
    })
  ).totalDocs > 0

/** Queues the first refresh unless one waits already (at boot; safe to call from every process). */
export const ensureRefreshScheduled = async (
  config: SanitizedWeatherConfig,
  payload: Payload,
): Promise<void> => {
  if (await hasWaiting(payload, waitingRefreshes(config))) return
  await payload.jobs.queue({ task: config.taskSlug, input: {} } as never)
}

/**
 * 날씨 갱신: refreshes the stored reading, then queues the next run one interval later (unless
 * another run already waits), so the refresh repeats on whichever process runs jobs.
 */
export const refreshTask = (config: SanitizedWeatherConfig): TaskConfig =>
  ({
    slug: config.taskSlug,
    label: '날씨 갱신 (refresh weather)',
    inputSchema: [],
    // A failure is recorded on the global and retried by the next run, not by the queue.
    retries: 0,
    handler: async ({ job, req }: { job: { id: number | string }; req: PayloadRequest }) => {
      const result = await refreshWeather(config, req)
      const waiting = waitingRefreshes(config, job.id)
      ;(waiting.and as Where[]).push({ processing: { equals: false } })
      if (!(await hasWaiting(req.payload, waiting, req))) {
        await req.payload.jobs.queue({
          task: config.taskSlug,
          input: {},
          waitUntil: new Date(Date.now() + config.intervalMinutes * 60_000),
          req,
        } as never)
      }
      return { output: { status: result.status } }
    },
    outputSchema: [{ name: 'status', type: 'text' }],
  }) as unknown as TaskConfig
