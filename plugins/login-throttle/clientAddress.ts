import net from 'node:net'

/**
 * The address a request came from, as the rate limits key it, or undefined when the request says
 * nothing (no `X-Forwarded-For`).
 *
 * Route handlers see no socket: the address is in `X-Forwarded-For`. Next.js's server puts the
 * peer's address there only when the header is absent; a reverse proxy such as nginx
 * (`proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for`) appends its peer's address to
 * what the client sent. So the rule, with `trustedProxies` proxies in front of the app (each
 * appending):
 * - 0 or 1: the LAST entry: what Next.js or the one proxy saw; with nothing in front of Next.js a
 *   client that sends its own header chooses it (run behind a proxy in production);
 * - n > 1: the n-th entry from the end: what the outermost trusted proxy saw.
 * Entries before that were written by the client and are never used.
 *
 * IPv4-mapped IPv6 addresses count as IPv4; other IPv6 addresses count by their /64 network, which
 * one subscriber usually holds whole.
 */
export const clientAddress = (headers: Headers, trustedProxies = 0): string | undefined => {
  const hops = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((hop) => hop.trim())
    .filter(Boolean)
  if (hops.length === 0) return undefined
  const hop = hops[Math.max(0, hops.length - Math.max(1, trustedProxies))]!
  return normalizeAddress(hop)
}

/** An address as the rate limits key it (IPv6 by its /64, IPv4-mapped as IPv4, no port). */
export const normalizeAddress = (raw: string): string => {
  // `[::1]:1234`, `1.2.3.4:1234`: some proxies write the port.
  let address = raw.replace(/^\[([^\]]+)\](?::\d+)?$/, '$1')
  if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'))
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]!
  if (!net.isIPv6(address)) return address.toLowerCase()
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`
}

const expandIPv6 = (address: string): string[] => {
  const [head = '', tail = ''] = address.toLowerCase().split('%')[0]!.split('::')
  const left = head ? head.split(':') : []
  const right = address.includes('::') && tail ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array(Math.max(0, missing)).fill('0'), ...right].map((group) =>
    group.replace(/^0+(?=.)/, ''),
  )
}
