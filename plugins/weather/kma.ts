import type { KmaProviderOptions, WeatherProvider, WeatherReading } from './types'

import { type PrecipitationCode, precipitationCodes, type SkyCode } from './codes'

export const KMA_BASE_URL = 'https://apis.data.go.kr/1360000/VilageFcstInfoService_2.0'

const KST_OFFSET_MS = 9 * 60 * 60 * 1000
const pad = (value: number) => String(value).padStart(2, '0')

/** KST wall clock of `instant` as `YYYYMMDD` and `HH`. */
const kstParts = (instant: number) => {
  const kst = new Date(instant + KST_OFFSET_MS)
  return {
    date: `${kst.getUTCFullYear()}${pad(kst.getUTCMonth() + 1)}${pad(kst.getUTCDate())}`,
    hour: pad(kst.getUTCHours()),
  }
}

/**
 * The latest published base times (KST), per KMA's schedule: 초단기실황 (getUltraSrtNcst) is made
 * every hour on the hour and served from about HH:40; 초단기예보 (getUltraSrtFcst) is made at HH:30
 * and served from about HH:45. Before that minute the previous hour's is asked for.
 */
export const kmaBaseTimes = (now: Date) => {
  const ncst = kstParts(now.getTime() - 40 * 60 * 1000)
  const fcst = kstParts(now.getTime() - 45 * 60 * 1000)
  return {
    nowcast: { base_date: ncst.date, base_time: `${ncst.hour}00` },
    forecast: { base_date: fcst.date, base_time: `${fcst.hour}30` },
  }
}

/** `20261207` + `2100` (KST) as an instant. */
const kstInstant = (date: string, time: string): Date =>
  new Date(
    `${date.slice(0, 4)}-${date.slice(4, 6)}-${date.slice(6, 8)}T${time.slice(0, 2)}:${time.slice(2, 4)}:00+09:00`,
  )

const SKY: Record<string, SkyCode> = { '1': 'clear', '3': 'mostlyCloudy', '4': 'overcast' }

type KmaItem = {
  baseDate?: string
  baseTime?: string
  category?: string
  fcstDate?: string
  fcstTime?: string
  fcstValue?: string
  obsrValue?: number | string
}

/** The data.go.kr gateway answers a key or quota problem in XML whatever `dataType` asked for. */
const xmlError = (text: string): string => {
  const tag = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(text)?.[1]?.trim()
  const reason = tag('returnAuthMsg') ?? tag('resultMsg') ?? tag('errMsg') ?? 'unreadable answer'
  const code = tag('returnReasonCode') ?? tag('resultCode')
  return `KMA gateway error${code ? ` ${code}` : ''}: ${reason}`
}

/** The items of one KMA answer, or an Error saying what was wrong with it. */
const parseItems = (status: number, text: string): KmaItem[] => {
  const trimmed = text.trim()
  if (trimmed.startsWith('<')) throw new Error(xmlError(trimmed))
  if (status < 200 || status >= 300) throw new Error(`KMA answered HTTP ${status}`)
  let body: unknown
  try {
    body = JSON.parse(trimmed)
  } catch {
    throw new Error('KMA answered something that is not JSON')
  }
  const response = (body as { response?: { body?: unknown; header?: Record<string, unknown> } })
    ?.response
  const code = response?.header?.resultCode
  if (code !== '00') {
    throw new Error(
      `KMA resultCode ${String(code ?? 'missing')}: ${String(response?.header?.resultMsg ?? '')}`.trim(),
    )
  }
  const items = (response?.body as { items?: { item?: unknown } } | undefined)?.items?.item
  if (!Array.isArray(items) || items.length === 0) throw new Error('KMA answered no items')
  return items as KmaItem[]
}

/** KMA marks a missing observation with values of ±900 and beyond. */
const number = (value: unknown, what: string): number => {
  const parsed = typeof value === 'number' ? value : Number(String(value ?? '').trim())
  if (!Number.isFinite(parsed) || Math.abs(parsed) >= 900) throw new Error(`KMA ${what} is missing`)
  return parsed
}

/**
 * The built-in provider: 기상청 단기예보 조회서비스 (data.go.kr VilageFcstInfoService_2.0).
 * 기온 (T1H) and 강수형태 (PTY) from 초단기실황, 하늘상태 (SKY) from 초단기예보 for the current hour.
 */
export const kmaProvider = (options: KmaProviderOptions = {}): WeatherProvider => ({
  name: 'kma',
  fetch: async ({ location, now, signal }): Promise<WeatherReading> => {
    const key = options.serviceKey ?? process.env.NEWSROOM_KMA_SERVICE_KEY ?? ''
    if (!key.trim()) throw new Error('NEWSROOM_KMA_SERVICE_KEY is not set')
    const base = (options.baseUrl ?? process.env.NEWSROOM_KMA_BASE_URL ?? KMA_BASE_URL).replace(
      /\/+$/,
      '',
    )
    // data.go.kr hands out the key twice, URL-encoded and plain; an encoded one goes as it is.
    const encodedKey = /%[0-9A-Fa-f]{2}/.test(key) ? key : encodeURIComponent(key)
    const times = kmaBaseTimes(now)
    const call = async (operation: string, time: { base_date: string; base_time: string }) => {
      const query = new URLSearchParams({
        pageNo: '1',
        numOfRows: '1000',
        dataType: 'JSON',
        ...time,
        nx: String(location.nx),
        ny: String(location.ny),
      })
      let response: Response
      try {
        response = await fetch(`${base}/${operation}?serviceKey=${encodedKey}&${query}`, {
          signal,
        })
      } catch (error) {
        // The fetch error may quote the URL, and with it the key: only its kind is kept.
        const name = (error as Error)?.name
        throw new Error(
          name === 'TimeoutError' || name === 'AbortError'
            ? `KMA ${operation} timed out`
            : `KMA ${operation} unreachable`,
        )
      }
      return parseItems(response.status, await response.text())
    }
    const [nowcast, forecast] = await Promise.all([
      call('getUltraSrtNcst', times.nowcast),
      call('getUltraSrtFcst', times.forecast),
    ])
    const observed = (category: string) => nowcast.find((item) => item.category === category)
    const temperature = number(observed('T1H')?.obsrValue, 'T1H')
    const pty = number(observed('PTY')?.obsrValue, 'PTY')
    const precipitation: PrecipitationCode | undefined = precipitationCodes[pty]
    if (!precipitation) throw new Error(`KMA PTY ${pty} is unknown`)
    // The forecast hour the reading falls in: the earliest one given.
    const skies = forecast
      .filter((item) => item.category === 'SKY' && item.fcstDate && item.fcstTime)
      .sort((a, b) => `${a.fcstDate}${a.fcstTime}`.localeCompare(`${b.fcstDate}${b.fcstTime}`))
    const sky = SKY[String(skies[0]?.fcstValue ?? '').trim()]
    if (!sky) throw new Error(`KMA SKY ${String(skies[0]?.fcstValue ?? 'missing')} is unknown`)
    const first = nowcast[0]!
    const observedAt = kstInstant(
      first.baseDate ?? times.nowcast.base_date,
      first.baseTime ?? times.nowcast.base_time,
    )
    if (Number.isNaN(observedAt.getTime())) throw new Error('KMA baseDate/baseTime unreadable')
    return { sky, precipitation, temperature, observedAt }
  },
})
