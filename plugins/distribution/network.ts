import type { LookupFunction } from 'node:net'

import dns from 'node:dns'
import net from 'node:net'

const blockedRanges: [string, number][] = [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
]
const blockList = new net.BlockList()
for (const [address, prefix] of blockedRanges) blockList.addSubnet(address, prefix, 'ipv4')
blockList.addAddress('::', 'ipv6')
blockList.addAddress('::1', 'ipv6')
blockList.addSubnet('fc00::', 7, 'ipv6')
blockList.addSubnet('fe80::', 10, 'ipv6')
blockList.addSubnet('ff00::', 8, 'ipv6')

/** Loopback, private, link-local (incl. cloud metadata 169.254.169.254), CGNAT, multicast or reserved. */
export const isPrivateAddress = (address: string): boolean => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1]
  if (mapped) return isPrivateAddress(mapped)
  const family = net.isIP(address)
  if (family === 0) return true
  return blockList.check(address, family === 4 ? 'ipv4' : 'ipv6')
}

export class PrivateAddressError extends Error {
  constructor(host: string, address: string) {
    super(`refused: ${host} resolves to a private or loopback address (${address}); enable allowPrivateNetwork on the channel to allow it`)
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
    const blocked = list.find((entry) => isPrivateAddress(entry.address))
    if (blocked) return callback(new PrivateAddressError(hostname, blocked.address), '', 0)
    if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list)
    callback(null, list[0]!.address, list[0]!.family)
  })
}
