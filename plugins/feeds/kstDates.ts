import { formatKstIso } from '../register-timestamps/formatKst'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** RFC 822 in Korea time (`Fri, 17 Apr 2020 13:33:00 +0900`), as RSS readers show it. */
export const toKstRfc822 = (value: Date | string): string => {
  const kst = new Date(new Date(value).getTime() + 9 * 3600 * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${DAYS[kst.getUTCDay()]}, ${pad(kst.getUTCDate())} ${MONTHS[kst.getUTCMonth()]} ${kst.getUTCFullYear()} ${pad(kst.getUTCHours())}:${pad(kst.getUTCMinutes())}:${pad(kst.getUTCSeconds())} +0900`
}

/**
 * The `feed` library writes every date in UTC; newsroom consumers want Korea time with its offset,
 * so the finished XML's date elements are rewritten.
 */
export const datesToKst = (xml: string, format: 'atom' | 'rss' | 'sitemap'): string => {
  if (format === 'rss') {
    return xml.replace(
      /<(pubDate|lastBuildDate)>([^<]+)<\/\1>/g,
      (_, tag: string, date: string) => `<${tag}>${toKstRfc822(date)}</${tag}>`,
    )
  }
  const tags =
    format === 'atom' ? /<(updated|published)>([^<]+)<\/\1>/g : /<(lastmod)>([^<]+)<\/\1>/g
  return xml.replace(
    tags,
    (_, tag: string, date: string) => `<${tag}>${formatKstIso(date)}</${tag}>`,
  )
}
