import type { LookupFunction } from 'node:net'

import dns from 'node:dns'
import net from 'node:net'

const subnets = (family: 'ipv4' | 'ipv6', ranges: string[]): net.BlockList => {
  const list = new net.BlockList()
  for (const range of ranges) {
    const [address, prefix] = range.split('/') as [string, string]
    list.addSubnet(address, Number(prefix), family)
  }
  return list
}

/**
 * IPv4 ranges that are not public unicast (IANA IPv4 Special-Purpose Address Registry, plus the
 * documentation ranges, which no real receiver uses).
 */
const refusedIPv4 = subnets('ipv4', [
  '0.0.0.0/8', // "this network"
  '10.0.0.0/8', // private
  '100.64.0.0/10', // CGNAT shared space
  '127.0.0.0/8', // loopback
  '169.254.0.0/16', // link-local, cloud metadata (169.254.169.254)
  '172.16.0.0/12', // private
  '192.0.0.0/24', // IETF protocol assignments
  '192.0.2.0/24', // documentation
  '192.88.99.0/24', // deprecated 6to4 relay anycast
  '192.168.0.0/16', // private
  '198.18.0.0/15', // benchmarking
  '198.51.100.0/24', // documentation
  '203.0.113.0/24', // documentation
  '224.0.0.0/4', // multicast
  '240.0.0.0/4', // reserved, and the broadcast address 255.255.255.255
])

/** Only global unicast is public in IPv6; everything outside 2000::/3 (loopback, ULA, link- and site-local, multicast, NAT64 local-use…) is not. */
const globalUnicastIPv6 = subnets('ipv6', ['2000::/3'])

/** Ranges inside 2000::/3 that are not public unicast either (IANA IPv6 Special-Purpose Address Registry). */
const refusedIPv6 = subnets('ipv6', [
  '2001::/23', // IETF protocol assignments: Teredo (a tunnel to a NATed IPv4 client), benchmarking, ORCHID, …
  '2001:db8::/32', // documentation
  '3fff::/20', // documentation
  '5f00::/16', // SRv6 segment identifiers
])

/** The eight 16-bit groups of an IPv6 address (zone already removed; validated by `net.isIPv6`). */
const ipv6Groups = (address: string): number[] => {
  let text = address
  // A trailing dotted quad (`::ffff:127.0.0.1`) is the last two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text)
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number]
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`
  }
  const groups = (part: string) =>
    part === '' ? [] : part.split(':').map((group) => parseInt(group, 16))
  const [head, tail] = text.split('::') as [string, string | undefined]
  if (tail === undefined) return groups(head)
  const [first, last] = [groups(head), groups(tail)]
  return [...first, ...new Array<number>(8 - first.length - last.length).fill(0), ...last]
}

const startsWith = (groups: number[], prefix: number[]): boolean =>
  prefix.every((value, index) => groups[index] === value)

const ipv4Of = (high: number, low: number): string =>
  `${high >> 8}.${high & 255}.${low >> 8}.${low & 255}`

/**
 * The IPv4 address an IPv6 address stands for, when it is only a way of writing or reaching one:
 * IPv4-mapped `::ffff:a.b.c.d`, SIIT `::ffff:0:a.b.c.d`, IPv4-compatible `::a.b.c.d` (also `::`
 * and `::1`, which land in 0.0.0.0/8), NAT64 `64:ff9b::a.b.c.d` and 6to4 `2002:AABB:CCDD::/48`.
 */
export const embeddedIPv4 = (address: string): null | string => {
  const groups = ipv6Groups(address)
  if (
    startsWith(groups, [0, 0, 0, 0, 0, 0xffff]) ||
    startsWith(groups, [0, 0, 0, 0, 0xffff, 0]) ||
    startsWith(groups, [0, 0, 0, 0, 0, 0])
  ) {
    return ipv4Of(groups[6]!, groups[7]!)
  }
  if (startsWith(groups, [0x64, 0xff9b, 0, 0, 0, 0])) return ipv4Of(groups[6]!, groups[7]!)
  if (groups[0] === 0x2002) return ipv4Of(groups[1]!, groups[2]!)
  return null
}

/**
 * True for every address that is not public unicast: loopback, private, link-local (incl. cloud
 * metadata 169.254.169.254), CGNAT, multicast, reserved, documentation, unique- and site-local, and
 * any IPv6 form that embeds such an IPv4 address. Decided on the parsed address, not its spelling;
 * anything that is not an IP address is refused.
 */
export const isPrivateAddress = (address: string): boolean => {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '')
  const family = net.isIP(bare)
  if (family === 4) return refusedIPv4.check(bare, 'ipv4')
  if (family !== 6) return true
  const ipv4 = embeddedIPv4(bare)
  if (ipv4 !== null) return refusedIPv4.check(ipv4, 'ipv4')
  return !globalUnicastIPv6.check(bare, 'ipv6') || refusedIPv6.check(bare, 'ipv6')
}

export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(
      `refused: ${host} resolves to a private or loopback address (${address}); enable allowPrivateNetwork on the channel to allow it`,
    )
    this.name = 'PrivateAddressError'
  }
}

/**
 * A DNS lookup for outbound requests that refuses private addresses. The connection uses the
 * address checked here, so a name cannot resolve to a public address for the check and to a
 * private one for the connection (DNS rebinding).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, '', 0)
    const list = addresses as dns.LookupAddress[]
    if (list.length === 0)
      return callback(
        Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }),
        '',
        0,
      )
    const blocked = list.find((entry) => isPrivateAddress(entry.address))
    if (blocked) return callback(new PrivateAddressError(hostname, blocked.address), '', 0)
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
    callback(null, list[0]!.address, list[0]!.family)
  })
}
