import { describe, expect, it } from 'vitest'

import { embeddedIPv4, isPrivateAddress } from './network'

describe('outbound address check', () => {
  it.each([
    // IPv4: loopback, private, link-local / cloud metadata, CGNAT, "this network", special and reserved ranges
    '127.0.0.1',
    '127.255.255.254',
    '10.0.0.1',
    '172.16.5.4',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '100.127.255.255',
    '0.0.0.0',
    '0.1.2.3',
    '192.0.0.170',
    '192.0.2.1',
    '198.18.0.1',
    '198.19.255.255',
    '198.51.100.7',
    '203.0.113.9',
    '224.0.0.1',
    '239.255.255.250',
    '240.0.0.1',
    '255.255.255.255',
    // IPv6: unspecified, loopback, link-local, unique-local, site-local, multicast, documentation, discard
    '::',
    '::1',
    '0:0:0:0:0:0:0:1',
    'fe80::1',
    'fe80::1%eth0',
    'fd00::1',
    'fc00::1',
    'fec0::1',
    'feff::1',
    'ff02::1',
    '2001:db8::1',
    '3fff::1',
    '100::1',
    // IPv4-mapped, dotted and hex
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::FFFF:A9FE:A9FE',
    '0:0:0:0:0:ffff:10.0.0.1',
    // IPv4-compatible (deprecated), dotted and hex
    '::127.0.0.1',
    '::7f00:1',
    '::a00:1',
    // SIIT
    '::ffff:0:7f00:1',
    '::ffff:0:192.168.0.1',
    // NAT64 well-known prefix with a private IPv4 inside, and the local-use NAT64 prefix
    '64:ff9b::7f00:1',
    '64:ff9b::127.0.0.1',
    '64:ff9b::a9fe:a9fe',
    '64:ff9b:1::808:808',
    '64:ff9b:1:ffff::1',
    // 6to4 of private IPv4
    '2002:7f00:1::1',
    '2002:a00:1::',
    '2002:c0a8:101:1::1',
    // Teredo (client 127.0.0.1 XOR-ed), and the rest of the IETF protocol block
    '2001:0:4136:e378:8000:63bf:80ff:fffe',
    '2001::1',
    '2001:2::1',
    // not an IP address at all
    'localhost',
    '',
    '127.1',
    '2130706433',
  ])('refuses %s', (address) => expect(isPrivateAddress(address)).toBe(true))

  it.each([
    '8.8.8.8',
    '1.1.1.1',
    '211.234.10.10',
    '100.63.255.255',
    '100.128.0.0',
    '172.32.0.1',
    '192.0.1.1',
    '223.255.255.254',
    '2001:4860:4860::8888',
    '2606:4700::1111',
    '2404:6800:4004:80c::200e',
    // IPv6 forms of public IPv4 addresses
    '::ffff:8.8.8.8',
    '64:ff9b::808:808',
    '64:ff9b::1.1.1.1',
    '2002:808:808::1',
  ])('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false))

  it.each([
    ['::ffff:7f00:1', '127.0.0.1'],
    ['::7f00:1', '127.0.0.1'],
    ['::ffff:0:7f00:1', '127.0.0.1'],
    ['64:ff9b::7f00:1', '127.0.0.1'],
    ['2002:7f00:1::1', '127.0.0.1'],
    ['::', '0.0.0.0'],
    ['2606:4700::1111', null],
  ])('reads the IPv4 address inside %s', (address, ipv4) =>
    expect(embeddedIPv4(address)).toBe(ipv4),
  )

  it.each([
    ['http://2130706433/', '127.0.0.1'],
    ['http://0x7f.1/', '127.0.0.1'],
    ['http://017700000001/', '127.0.0.1'],
    ['http://127.1/', '127.0.0.1'],
    ['http://127.0.0.1./', '127.0.0.1'],
    ['http://0/', '0.0.0.0'],
    ['http://[::]/', '[::]'],
    ['http://[::ffff:127.0.0.1]/', '[::ffff:7f00:1]'],
    ['http://[64:ff9b::127.0.0.1]/', '[64:ff9b::7f00:1]'],
    ['http://[0:0:0:0:0:0:0:1]/', '[::1]'],
  ])('the URL parser turns %s into the address %s, which is refused', (url, hostname) => {
    expect(new URL(url).hostname).toBe(hostname)
    expect(isPrivateAddress(new URL(url).hostname)).toBe(true)
  })
})
