import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'

import type { FakeKma } from './fakeKma'

import { kmaBaseTimes } from '../../plugins/weather'
import {
  canRollBack,
  clearQueuedDeliveries,
  onePurgePerChannel,
  purgeChannels,
  queuedPurges,
  rolledBack,
} from '../helpers/cachePurges'
import { apiClient } from '../helpers/http'
import { createNewsroom, loginEmails, PASSWORD } from '../helpers/newsroom'
import { bootPayload } from '../helpers/payload'
import { startFakeKma } from './fakeKma'

// A key with characters that need encoding: it must reach KMA encoded once, and never the desk.
const SERVICE_KEY = 'test-key+with/slash=='

let payload: Payload
let api: ReturnType<typeof apiClient>
let kma: FakeKma
let editor: string
let admin: string
let kim: string
let reader: string

beforeAll(async () => {
  kma = await startFakeKma()
  payload = await bootPayload('weather', {
    newsroom: {
      weather: {
        kma: { serviceKey: SERVICE_KEY, baseUrl: kma.baseUrl },
        timeoutMs: 1500,
        // Jobs do not run in tests (NEWSROOM_RUN_JOBS=off); this suite runs the queued one itself.
        queueAtBoot: true,
      },
    },
  })
  api = apiClient(payload)
  await createNewsroom(payload)
  editor = await api.login(loginEmails().editor, PASSWORD)
  admin = await api.login(loginEmails().admin, PASSWORD)
  kim = await api.login(loginEmails().kim, PASSWORD)
  await payload.create({
    collection: 'readers' as never,
    data: { email: 'reader@example.com', password: PASSWORD, _verified: true } as never,
  })
  reader = (
    await payload.login({
      collection: 'readers' as never,
      data: { email: 'reader@example.com', password: PASSWORD } as never,
    })
  ).token!
})
afterAll(async () => {
  await payload?.destroy()
  await kma?.close()
})

type Weather = Record<string, unknown> & {
  observation?: Record<string, unknown>
  override?: Record<string, unknown>
  refresh?: { lastError: null | string; lastErrorAt: null | string }
}

const read = async (token?: string): Promise<Weather> => {
  const answer = await api.rest('GET', '/globals/weather', { token })
  expect(answer.status).toBe(200)
  return answer.body as Weather
}

const refreshNow = async () => {
  const answer = await api.rest('POST', '/globals/weather/refresh', { token: editor })
  expect(answer.status, answer.text).toBe(200)
  return answer.body as { error?: string; status: string }
}

const waitingJobs = async () =>
  (
    await payload.find({
      collection: 'payload-jobs',
      where: {
        and: [{ taskSlug: { equals: 'weather-refresh' } }, { completedAt: { exists: false } }],
      },
      overrideAccess: true,
    })
  ).docs as unknown as { id: number | string; waitUntil?: null | string }[]

// The whole group, as the admin's form sends it (a partial group is merged with what is stored).
const setOverride = (override: Record<string, unknown>, token = editor) =>
  api.rest('POST', '/globals/weather', {
    body: {
      override: {
        active: false,
        sky: null,
        precipitation: 'none',
        temperature: null,
        locationLabel: null,
        until: null,
        ...override,
      },
    },
    token,
  })

describe('the weather global', () => {
  it('is refreshed by the queued job from KMA, and answered to readers in the public shape', async () => {
    // Booting queued the first refresh; the test runs it as the runner would.
    const [first] = await waitingJobs()
    expect(first).toBeDefined()
    await payload.jobs.runByID({ id: first!.id })

    const requests = kma.requests.map((url) => url.pathname.split('/').pop())
    expect(requests.sort()).toEqual(['getUltraSrtFcst', 'getUltraSrtNcst'])
    const nowcast = kma.requests.find((url) => url.pathname.endsWith('getUltraSrtNcst'))!
    expect(nowcast.searchParams.get('serviceKey')).toBe(SERVICE_KEY)
    expect(nowcast.searchParams.get('dataType')).toBe('JSON')
    expect(nowcast.searchParams.get('nx')).toBe('60')
    expect(nowcast.searchParams.get('ny')).toBe('127')
    expect(nowcast.searchParams.get('base_time')).toMatch(/^\d{2}00$/)

    const weather = await read()
    expect(weather).toMatchObject({
      location: '서울',
      sky: '흐림',
      skyCode: 'overcast',
      precipitation: '없음',
      precipitationCode: 'none',
      summary: '흐림',
      temperature: 15.2,
      source: 'kma',
      stale: false,
    })
    expect(weather.observedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:00:00\+09:00$/)
    expect(weather.updatedAt).toMatch(/\+09:00$/)
    // Provider details are the desk's.
    expect(weather.observation).toBeUndefined()
    expect(weather.refresh).toBeUndefined()
    expect(weather.override).toBeUndefined()

    // The job queued its next run one interval later.
    const next = await waitingJobs()
    expect(next).toHaveLength(1)
    expect(new Date(next[0]!.waitUntil!).getTime()).toBeGreaterThan(Date.now() + 20 * 60_000)

    // A second run within the interval does not call KMA again.
    kma.requests.length = 0
    await payload.jobs.runByID({ id: next[0]!.id })
    expect(kma.requests).toHaveLength(0)
    expect(await waitingJobs()).toHaveLength(1)
  })

  it('computes KMA base times in KST by the publication schedule', () => {
    // 2026-12-07 10:39 KST: the 10:00 nowcast is not out yet (HH:40), the 09:30 forecast is (HH:45).
    expect(kmaBaseTimes(new Date('2026-12-07T10:39:00+09:00'))).toEqual({
      nowcast: { base_date: '20261207', base_time: '0900' },
      forecast: { base_date: '20261207', base_time: '0930' },
    })
    expect(kmaBaseTimes(new Date('2026-12-07T10:45:00+09:00'))).toEqual({
      nowcast: { base_date: '20261207', base_time: '1000' },
      forecast: { base_date: '20261207', base_time: '1030' },
    })
    // Just after midnight KST: yesterday's last releases.
    expect(kmaBaseTimes(new Date('2026-12-07T15:10:00Z'))).toEqual({
      nowcast: { base_date: '20261207', base_time: '2300' },
      forecast: { base_date: '20261207', base_time: '2330' },
    })
  })

  it('keeps the last good reading through an outage, marks it stale, records the error for staff and logs once', async () => {
    kma.mode = 'good'
    kma.reading = { pty: '1', sky: '4', t1h: '9.5' }
    expect((await refreshNow()).status).toBe('refreshed')
    expect(await read()).toMatchObject({
      summary: '비',
      precipitationCode: 'rain',
      temperature: 9.5,
    })

    const warn = vi.spyOn(payload.logger, 'warn')
    try {
      kma.mode = 'resultError'
      const failed = await refreshNow()
      expect(failed.status).toBe('failed')
      expect(failed.error).toMatch(/resultCode 03/)
      await refreshNow()
      const warnings = warn.mock.calls.filter((call) => String(call[0]).includes('weather'))
      expect(warnings).toHaveLength(1)
    } finally {
      warn.mockRestore()
    }
    const anonymous = await read()
    expect(anonymous).toMatchObject({ temperature: 9.5, source: 'kma', stale: true })
    expect(anonymous.refresh).toBeUndefined()

    for (const [mode, message] of [
      ['xmlKeyError', /SERVICE_KEY_IS_NOT_REGISTERED_ERROR/],
      ['http500', /HTTP 500/],
      ['timeout', /timed out/],
    ] as const) {
      kma.mode = mode
      expect((await refreshNow()).status).toBe('failed')
      const staff = await read(editor)
      expect(staff.refresh?.lastError).toMatch(message)
      expect(JSON.stringify(staff)).not.toContain(SERVICE_KEY)
      expect(JSON.stringify(staff)).not.toContain(encodeURIComponent(SERVICE_KEY))
      expect(await read()).toMatchObject({ temperature: 9.5, stale: true })
    }

    kma.mode = 'good'
    expect((await refreshNow()).status).toBe('refreshed')
    expect(await read()).toMatchObject({ temperature: 9.5, stale: false })
  })

  it('answers the desk’s override while it is on and before its time, then the provider again', async () => {
    const until = new Date(Date.now() + 60 * 60_000).toISOString()
    const saved = await setOverride({
      active: true,
      sky: 'clear',
      precipitation: 'none',
      temperature: -3,
      locationLabel: '울산',
      until,
    })
    expect(saved.status, saved.text).toBe(200)
    const manual = await read()
    expect(manual).toMatchObject({
      location: '울산',
      sky: '맑음',
      skyCode: 'clear',
      summary: '맑음',
      temperature: -3,
      source: 'manual',
      stale: false,
    })
    expect(manual.observedAt).toMatch(/\+09:00$/)
    expect(manual.override).toBeUndefined()

    // Its time passes: readers get the provider's reading again.
    await payload.updateGlobal({
      slug: 'weather' as never,
      data: { override: { until: new Date(Date.now() - 1000).toISOString() } } as never,
    })
    expect(await read()).toMatchObject({ source: 'kma', location: '서울', temperature: 9.5 })

    // The next refresh switches the expired override off, for the admin's sake.
    await refreshNow()
    expect((await read(editor)).override).toMatchObject({ active: false })

    // Switched off by the desk, likewise.
    await setOverride({ active: true, sky: 'overcast', temperature: 15 })
    expect(await read()).toMatchObject({ source: 'manual', location: '서울', temperature: 15 })
    await setOverride({ active: false })
    expect(await read()).toMatchObject({ source: 'kma' })
  })

  it('refuses updates and refreshes from anyone but the desk', async () => {
    const body = { override: { active: true, sky: 'clear', temperature: 30 } }
    for (const token of [undefined, reader, kim]) {
      const update = await api.rest('POST', '/globals/weather', { body, token })
      expect(update.status, update.text).toBe(403)
      const refresh = await api.rest('POST', '/globals/weather/refresh', { token })
      expect(refresh.status).toBe(403)
    }
    expect((await read()).source).toBe('kma')
    // Admins are desk too.
    const byAdmin = await setOverride({ active: false }, admin)
    expect(byAdmin.status, byAdmin.text).toBe(200)
  })

  it('names the field of a bad override (400)', async () => {
    const hot = await setOverride({ active: true, sky: 'clear', temperature: 999 })
    expect(hot.status).toBe(400)
    expect(JSON.stringify(hot.body)).toContain('override.temperature')
    const noSky = await setOverride({ active: true, temperature: 10 })
    expect(noSky.status).toBe(400)
    expect(JSON.stringify(noSky.body)).toContain('override.sky')
    const badSky = await setOverride({ active: true, sky: 'sunny', temperature: 10 })
    expect(badSky.status).toBe(400)
    expect(JSON.stringify(badSky.body)).toContain('override.sky')
    expect((await read()).source).toBe('kma')
  })

  it('is read over GraphQL, with the desk’s details left out for readers', async () => {
    const query =
      '{ Weather { location sky skyCode precipitation precipitationCode summary temperature observedAt source stale refresh { lastError } override { active } } }'
    const anonymous = await api.graphql(query)
    expect(anonymous.body.errors).toBeUndefined()
    expect(anonymous.body.data.Weather).toMatchObject({
      location: '서울',
      skyCode: 'overcast',
      temperature: 9.5,
      source: 'kma',
      stale: false,
      // Payload answers a group a reader may not read with its fields empty.
      refresh: { lastError: null },
      override: { active: null },
    })
    expect(anonymous.body.data.Weather.observedAt).toMatch(/\+09:00$/)
    const staff = await api.graphql(query, undefined, editor)
    expect(staff.body.data.Weather.override).toMatchObject({ active: false })
    const mutation = await api.graphql(
      'mutation { updateWeather(data: { override: { active: true, sky: clear, temperature: 1 } }) { source } }',
    )
    expect(mutation.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN')
  })
})

describe('CDN copies of the weather', () => {
  let channels: (number | string)[] = []
  /** What one change readers can see queues: one `cache.purge` per subscribed channel. */
  const onePurgeEach = () => onePurgePerChannel(channels, ['weather:global'], 'weather.changed')
  /** The purges `change` queued. */
  const purgesOf = async (change: () => Promise<unknown>) => {
    await clearQueuedDeliveries(payload)
    await change()
    return queuedPurges(payload)
  }

  it('are purged once per change readers see: the desk’s override, a new reading, the first failed refresh', async () => {
    channels = await purgeChannels(payload)
    kma.mode = 'good'
    expect(
      await purgesOf(async () => {
        const saved = await setOverride({ active: true, sky: 'clear', temperature: 21 })
        expect(saved.status, saved.text).toBe(200)
      }),
    ).toEqual(onePurgeEach())
    expect(await purgesOf(() => setOverride({ active: false }))).toEqual(onePurgeEach())

    // A new reading, by the refresh job (its reading is older than the interval).
    kma.reading = { pty: '0', sky: '1', t1h: '21.5' }
    await payload.updateGlobal({
      slug: 'weather' as never,
      data: { observation: { fetchedAt: new Date(Date.now() - 3 * 60 * 60_000).toISOString() } },
    } as never)
    const [job] = await waitingJobs()
    expect(
      await purgesOf(async () => {
        await payload.jobs.runByID({ id: job!.id })
        expect(await read()).toMatchObject({ temperature: 21.5, skyCode: 'clear' })
      }),
    ).toEqual(onePurgeEach())

    // The first failure makes the reading stale; the next ones change nothing readers get.
    kma.mode = 'http500'
    expect(await purgesOf(refreshNow)).toEqual(onePurgeEach())
    expect((await read()).stale).toBe(true)
    expect(await purgesOf(refreshNow)).toEqual([])
    kma.mode = 'good'
    expect(await purgesOf(refreshNow)).toEqual(onePurgeEach())
    expect((await read()).stale).toBe(false)
  })

  it('are not purged when a refresh brings the same reading again', async () => {
    kma.mode = 'good'
    await refreshNow()
    // KMA's observation hour moves at HH:40; a refresh on either side of it is a new reading.
    for (let attempt = 0; ; attempt++) {
      const hour = JSON.stringify(kmaBaseTimes(new Date()).nowcast)
      const purges = await purgesOf(async () =>
        expect((await refreshNow()).status).toBe('refreshed'),
      )
      if (JSON.stringify(kmaBaseTimes(new Date()).nowcast) !== hour && attempt === 0) continue
      expect(purges).toEqual([])
      break
    }
  })

  it.skipIf(!canRollBack())('are not purged by a save that is rolled back', async () => {
    const purges = await purgesOf(() =>
      rolledBack(payload, (req) =>
        payload.updateGlobal({
          slug: 'weather' as never,
          data: { override: { active: true, sky: 'overcast', temperature: 3 } } as never,
          req,
        }),
      ),
    )
    expect(purges).toEqual([])
    expect((await read()).source).toBe('kma')
  })
})
