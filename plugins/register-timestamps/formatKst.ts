type Parts = {
  day: string
  hour: string
  minute: string
  month: string
  offset: string
  second: string
  year: string
}

const pad = (value: number, width = 2): string => String(value).padStart(width, '0')

// Korea has kept UTC+9 all year since daylight saving ended at 1988-10-09 03:00 KDT
// (1988-10-08T18:00Z). From then on the offset is plain arithmetic, several times cheaper than
// asking the zone database, and every article read formats several dates.
const FIXED_OFFSET_SINCE = Date.UTC(1988, 9, 8, 18)
const KST_OFFSET_MS = 9 * 60 * 60 * 1000

// Earlier dates (archives) ask the zone database. Built once: constructing a formatter costs far
// more than formatting.
const zoneFormat = new Intl.DateTimeFormat('en-CA', {
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  minute: '2-digit',
  month: '2-digit',
  second: '2-digit',
  timeZone: 'Asia/Seoul',
  year: 'numeric',
})

const fromZoneDatabase = (date: Date): Parts => {
  const part = Object.fromEntries(
    zoneFormat.formatToParts(date).map((entry) => [entry.type, entry.value]),
  )
  const wallClock = Date.UTC(
    Number(part.year),
    Number(part.month) - 1,
    Number(part.day),
    Number(part.hour),
    Number(part.minute),
    Number(part.second),
  )
  const offsetMinutes = Math.round((wallClock - Math.floor(date.getTime() / 1000) * 1000) / 60_000)
  const sign = offsetMinutes < 0 ? '-' : '+'
  const offset = `${sign}${pad(Math.floor(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`
  return {
    year: part.year!,
    month: part.month!,
    day: part.day!,
    hour: part.hour!,
    minute: part.minute!,
    second: part.second!,
    offset,
  }
}

const kstParts = (value: Date | string): null | Parts => {
  const date = value instanceof Date ? value : new Date(value)
  const time = date.getTime()
  if (Number.isNaN(time)) return null
  if (time < FIXED_OFFSET_SINCE) return fromZoneDatabase(date)
  const wall = new Date(time + KST_OFFSET_MS)
  return {
    year: pad(wall.getUTCFullYear(), 4),
    month: pad(wall.getUTCMonth() + 1),
    day: pad(wall.getUTCDate()),
    hour: pad(wall.getUTCHours()),
    minute: pad(wall.getUTCMinutes()),
    second: pad(wall.getUTCSeconds()),
    offset: '+09:00',
  }
}

/** The seed page's register line: `2020년04월17일 13시33분` (Korea Standard Time). */
export const formatKstRegister = (value: Date | null | string | undefined): null | string => {
  if (!value) return null
  const p = kstParts(value)
  return p && `${p.year}년${p.month}월${p.day}일 ${p.hour}시${p.minute}분`
}

/** The seed page's list format: `2020-04-17 13:37:43` (Korea Standard Time). */
export const formatKstList = (value: Date | null | string | undefined): null | string => {
  if (!value) return null
  const p = kstParts(value)
  return p && `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`
}

/**
 * ISO 8601 with Korea's offset (+09:00; +10:00 during the 1987–88 summer time), as feeds and
 * structured data want it; with `withMilliseconds`, `…:43.123+09:00` (a webhook's timestamp, by
 * which receivers order events).
 */
export const formatKstIso = (
  value: Date | null | string | undefined,
  { withMilliseconds = false }: { withMilliseconds?: boolean } = {},
): null | string => {
  if (!value) return null
  const p = kstParts(value)
  if (!p) return null
  const millis = withMilliseconds
    ? `.${pad(new Date(value).getTime() - Math.floor(new Date(value).getTime() / 1000) * 1000, 3)}`
    : ''
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}${millis}${p.offset}`
}

const UTC_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?Z$/

/** A copy of `value` with every UTC instant string (`…Z`, as Payload stores them) in +09:00. */
export const instantsToKst = (value: unknown): unknown => {
  if (typeof value === 'string') return UTC_INSTANT.test(value) ? formatKstIso(value) : value
  if (Array.isArray(value)) return value.map(instantsToKst)
  if (value && typeof value === 'object' && !(value instanceof Date))
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, instantsToKst(item)]),
    )
  return value instanceof Date ? formatKstIso(value) : value
}
