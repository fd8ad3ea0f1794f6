import { afterEach, beforeEach, describe, expect, it } from 'vitest'

import type { CachedResponse } from './cacheState'

import { awaitsRenewal, cacheState, forgetResponse, purgeMemory, recallResponse, rememberResponse, renewsPurgedCopy } from './cacheState'
import { sanitizeHttpCacheOptions } from './defaults'

const TTL = 1000
const response = (bytes: number, storedAt: number): CachedResponse => ({ body: new Uint8Array(bytes), etag: '"x"', headers: [], status: 200, storedAt })

describe('the memory cache', () => {
  beforeEach(() => {
    cacheState().config = sanitizeHttpCacheOptions({ memoryTtlMs: TTL, memoryMaxBytes: 8000 })
    purgeMemory()
  })
  afterEach(() => {
    purgeMemory()
    cacheState().config = null
  })

  it('drops copies too old ever to be served again when it stores a new one', () => {
    rememberResponse('old-1', response(100, 0))
    rememberResponse('old-2', response(100, 500))
    rememberResponse('recent', response(100, 1500))
    // At 2600 the first two are past twice the lifetime (the longest a copy is served while renewing).
    rememberResponse('new', response(100, 2600))
    const state = cacheState()
    expect([...state.entries.keys()]).toEqual(['recent', 'new'])
    expect(state.entryBytes).toBe(200)
    expect(recallResponse('new', 2600)).toBeDefined()
  })

  it('keeps within its byte budget, least recently used out first', () => {
    for (let index = 0; index < 8; index++) rememberResponse(`page-${index}`, response(1000, index))
    // A hit makes page-0 the most recently used: page-1 goes first.
    expect(recallResponse('page-0', 10)).toBeDefined()
    rememberResponse('page-8', response(1000, 11))
    const keys = [...cacheState().entries.keys()]
    expect(keys).not.toContain('page-1')
    expect(keys).toContain('page-0')
    expect(cacheState().entryBytes).toBeLessThanOrEqual(8000)
  })

  it('tells which read renews a copy that has just expired, until its renewal runs', () => {
    rememberResponse('story', response(100, 0))
    expect(awaitsRenewal('story', TTL)).toBe(false) // still fresh
    expect(awaitsRenewal('story', TTL + 1)).toBe(true)
    expect(awaitsRenewal('unknown', TTL + 1)).toBe(false)
    cacheState().inFlight.set('story', { generation: cacheState().generation, result: Promise.resolve(null) })
    expect(awaitsRenewal('story', TTL + 1)).toBe(false) // renewing: readers get the copy meanwhile
    expect(recallResponse('story', TTL + 1)).toBeDefined()
    cacheState().inFlight.delete('story')
    expect(awaitsRenewal('story', 2 * TTL + 1)).toBe(false) // too old to be served while renewing
  })

  it('renews a copy a purge dropped with its first read and those before it is stored again, within two lifetimes', () => {
    rememberResponse('read-before', response(100, 0))
    rememberResponse('read-late', response(100, 0))
    const purgedAt = Date.now()
    purgeMemory()
    expect(recallResponse('read-before', purgedAt)).toBeUndefined()
    // Its first reader renews it ahead of the other misses, and so do those before it is stored.
    expect(renewsPurgedCopy('read-before', purgedAt)).toBe(true)
    expect(renewsPurgedCopy('read-before', purgedAt + 10)).toBe(true)
    expect(renewsPurgedCopy('never-read', purgedAt)).toBe(false)
    // Stored again: a hit or a miss as usual.
    rememberResponse('read-before', response(100, purgedAt))
    expect(renewsPurgedCopy('read-before', purgedAt + 20)).toBe(false)
    // Read again only after two lifetimes: nobody was waiting for it.
    expect(renewsPurgedCopy('read-late', purgedAt + 2 * TTL + 1000)).toBe(false)
    // A renewal whose answer cannot be kept (an error, or too large) ends it, and so does time.
    purgeMemory()
    expect(renewsPurgedCopy('read-before', Date.now())).toBe(true)
    rememberResponse('read-before', response(8000, Date.now()))
    expect(renewsPurgedCopy('read-before', Date.now())).toBe(false)
    rememberResponse('read-before', response(100, Date.now()))
    purgeMemory()
    expect(renewsPurgedCopy('read-before', Date.now())).toBe(true)
    forgetResponse('read-before')
    expect(renewsPurgedCopy('read-before', Date.now())).toBe(false)
    rememberResponse('read-before', response(100, Date.now()))
    purgeMemory()
    const renewedAt = Date.now()
    expect(renewsPurgedCopy('read-before', renewedAt)).toBe(true)
    expect(renewsPurgedCopy('read-before', renewedAt + 2 * TTL + 1)).toBe(false)
    // One never read again is dropped by a later purge once its time is up.
    rememberResponse('read-once', response(100, Date.now()))
    purgeMemory()
    expect(renewsPurgedCopy('read-once', Date.now())).toBe(true)
    expect(cacheState().pendingRenewals.has('read-once')).toBe(true)
    cacheState().pendingRenewals.set('read-once', Date.now() - 1)
    purgeMemory()
    expect(cacheState().pendingRenewals.has('read-once')).toBe(false)
    // What it remembers is bounded.
    for (let index = 0; index < 10_050; index++) rememberResponse(`key-${index}`, response(0, Date.now()))
    purgeMemory()
    expect(cacheState().purged.size).toBeLessThanOrEqual(10_000)
    expect(renewsPurgedCopy('key-10049', Date.now())).toBe(true)
  })
})
