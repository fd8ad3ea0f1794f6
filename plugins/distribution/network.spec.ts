import { describe, expect, it } from 'vitest'

import { isPrivateAddress } from './network'

describe('outbound address check', () => {
  it.each(['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:127.0.0.1'])(
    'refuses %s',
    (address) => expect(isPrivateAddress(address)).toBe(true),
  )
  it.each(['8.8.8.8', '211.234.10.10', '2001:4860:4860::8888'])('allows %s', (address) => expect(isPrivateAddress(address)).toBe(false))
})
