import { describe, expect, it } from 'vitest'

import { parseListen } from './viewLog'

describe('parseListen', () => {
  it('reads host:port, [v6]:port, :port and a bare port', () => {
    expect(parseListen('127.0.0.1:5140')).toEqual({ host: '127.0.0.1', port: 5140 })
    expect(parseListen('0.0.0.0:5140')).toEqual({ host: '0.0.0.0', port: 5140 })
    expect(parseListen('[::1]:5140')).toEqual({ host: '::1', port: 5140 })
    expect(parseListen('[::]:0')).toEqual({ host: '::', port: 0 })
    expect(parseListen(':5140')).toEqual({ host: '127.0.0.1', port: 5140 })
    expect(parseListen('5140')).toEqual({ host: '127.0.0.1', port: 5140 })
    expect(parseListen(' localhost:5140 ')).toEqual({ host: 'localhost', port: 5140 })
  })

  it('refuses what is not one', () => {
    for (const bad of [
      '',
      '127.0.0.15140x',
      '127.0.0.1:',
      '127.0.0.1:70000',
      '::1:5140',
      'a:b:5140',
    ])
      expect(() => parseListen(bad), bad).toThrow(/viewLogListen/)
  })
})
