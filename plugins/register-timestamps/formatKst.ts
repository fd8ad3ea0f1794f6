// Built once: constructing a formatter costs far more than formatting, and every article read
// formats several dates. The zone database still decides the offset (Korea kept DST in 1987–88).
const kstFormat = new Intl.DateTimeFormat('en-CA', {
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
  minute: '2-digit',
  month: '2-digit',
  second: '2-digit',
  timeZone: 'Asia/Seoul',
  year: 'numeric',
})

const kstParts = (value: Date | string): null | Record<string, string> => {
  const date = value instanceof Date ? value : new Date(value)
  if (Number.isNaN(date.getTime())) return null
  return Object.fromEntries(kstFormat.formatToParts(date).map((part) => [part.type, part.value]))
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

/** ISO 8601 with the +09:00 offset, as feeds and structured data want it. */
export const formatKstIso = (value: Date | null | string | undefined): null | string => {
  if (!value) return null
  const p = kstParts(value)
  return p && `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}:${p.second}+09:00`
}
