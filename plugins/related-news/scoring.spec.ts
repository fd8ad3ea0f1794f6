import { describe, expect, it } from 'vitest'

import { defaultWeights } from './defaults'
import { rankCandidates, scoreCandidate } from './scoring'

const now = new Date('2020-04-17T12:00:00Z').getTime()
const subject = {
  id: 1,
  keywords: ['울산', '사회혁신'],
  region: 10,
  parentRegion: null,
  section: 5,
}
const candidate = (id: number, overrides: Partial<Parameters<typeof scoreCandidate>[1]> = {}) => ({
  id,
  keywords: [],
  region: null,
  parentRegion: null,
  section: null,
  date: '2020-04-17T00:00:00Z',
  ...overrides,
})

describe('related-news scoring', () => {
  it('weighs shared keywords above region above section', () => {
    const keyword = scoreCandidate(
      subject,
      candidate(2, { keywords: ['사회혁신'] }),
      defaultWeights,
      now,
    )
    const region = scoreCandidate(subject, candidate(3, { region: 10 }), defaultWeights, now)
    const section = scoreCandidate(subject, candidate(4, { section: 5 }), defaultWeights, now)
    expect(keyword).toBeGreaterThan(region)
    expect(region).toBeGreaterThan(section)
  })

  it('matches keywords regardless of case and Unicode form', () => {
    const score = scoreCandidate(
      { ...subject, keywords: ['Ulsan'] },
      candidate(2, { keywords: ['ulsan '] }),
      defaultWeights,
      now,
    )
    expect(score).toBeGreaterThanOrEqual(defaultWeights.sharedKeyword)
  })

  it('counts a 시군구 under the subject 시도 as the parent region', () => {
    const score = scoreCandidate(
      subject,
      candidate(2, { region: 11, parentRegion: 10 }),
      defaultWeights,
      now,
    )
    expect(score).toBeGreaterThanOrEqual(defaultWeights.sameParentRegion)
  })

  it('prefers the newer of two equal candidates and drops unrelated ones', () => {
    const ranked = rankCandidates(
      subject,
      [
        candidate(2, { section: 5, date: '2019-01-01T00:00:00Z' }),
        candidate(3, { section: 5 }),
        candidate(4),
        candidate(1, { section: 5 }),
      ],
      defaultWeights,
      10,
      now,
    )
    expect(ranked).toEqual([3, 2])
  })
})
