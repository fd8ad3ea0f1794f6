import { describe, expect, it } from 'vitest'

import { channelHealth, deliveryBadge, inLanguage } from './health'

describe('channelHealth', () => {
  it('is neutral before the first delivery', () => {
    expect(channelHealth({ active: true, consecutiveFailures: 0 })).toMatchObject({
      tone: 'neutral',
      label: { en: 'No deliveries yet' },
    })
  })

  it('is green after a success', () => {
    expect(
      channelHealth({ active: true, lastStatus: 'succeeded', consecutiveFailures: 0 }).tone,
    ).toBe('success')
  })

  it('counts consecutive failures while retrying and after giving up', () => {
    const retrying = channelHealth({ active: true, lastStatus: 'retrying', consecutiveFailures: 2 })
    expect(retrying.tone).toBe('warning')
    expect(inLanguage(retrying.label, 'ko')).toBe('재시도 중 · 연속 실패 2회')
    const failed = channelHealth({ active: true, lastStatus: 'failed', consecutiveFailures: 1 })
    expect(failed.tone).toBe('error')
    expect(inLanguage(failed.label, 'en')).toBe('Failing · 1 consecutive failure')
  })

  it('shows why a channel was disabled, and ignores an old reason once it is switched back on', () => {
    expect(
      channelHealth({
        active: false,
        disabledReason: '410 Gone at 2026-01-01T00:00:00Z',
        lastStatus: 'failed',
      }),
    ).toMatchObject({
      tone: 'error',
      detail: '410 Gone at 2026-01-01T00:00:00Z',
    })
    expect(channelHealth({ active: false, lastStatus: 'succeeded' }).tone).toBe('neutral')
    expect(
      channelHealth({ active: true, disabledReason: '410 Gone', lastStatus: 'succeeded' }).tone,
    ).toBe('success')
  })
})

describe('deliveryBadge', () => {
  it('puts the HTTP status and a distinct error in the detail', () => {
    expect(deliveryBadge({ status: 'succeeded', httpStatus: 200 })).toMatchObject({
      tone: 'success',
      detail: 'HTTP 200',
    })
    expect(deliveryBadge({ status: 'retrying', httpStatus: 503, error: 'HTTP 503' }).detail).toBe(
      'HTTP 503',
    )
    expect(
      deliveryBadge({ status: 'failed', error: 'connect ECONNREFUSED 127.0.0.1:9' }),
    ).toMatchObject({ tone: 'error', detail: 'connect ECONNREFUSED 127.0.0.1:9' })
    expect(deliveryBadge({ status: 'pending' })).toMatchObject({
      tone: 'neutral',
      detail: undefined,
    })
  })
})
