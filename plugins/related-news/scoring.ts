import type { ID } from '../shared/relationIds'
import type { RelatedNewsWeights } from './types'

export type ScoringSubject = {
  id?: ID
  keywords: string[]
  parentRegion: ID | null
  region: ID | null
  section: ID | null
}

export type ScoringCandidate = {
  date: null | string
  id: ID
  keywords: string[]
  parentRegion: ID | null
  region: ID | null
  section: ID | null
}

const normalise = (keyword: string): string => keyword.normalize('NFC').trim().toLowerCase()

const DAY = 24 * 60 * 60 * 1000

/**
 * Score = shared keywords × w.sharedKeyword + same region w.sameRegion (or, short of that, same
 * 시도 w.sameParentRegion) + same section w.sameSection + a recency bonus that halves every
 * `recencyHalfLifeDays` before `now`. Candidates that share nothing but recency score 0 and are
 * dropped: "related" must mean related.
 */
export const scoreCandidate = (
  subject: ScoringSubject,
  candidate: ScoringCandidate,
  weights: RelatedNewsWeights,
  now: number,
): number => {
  const subjectKeywords = new Set(subject.keywords.map(normalise))
  const shared = new Set(
    candidate.keywords.map(normalise).filter((keyword) => subjectKeywords.has(keyword)),
  ).size
  let score = shared * weights.sharedKeyword
  const sameRegion = subject.region !== null && String(candidate.region) === String(subject.region)
  const subjectProvince = subject.parentRegion ?? subject.region
  const candidateProvince = candidate.parentRegion ?? candidate.region
  if (sameRegion) score += weights.sameRegion
  else if (subjectProvince !== null && String(candidateProvince) === String(subjectProvince))
    score += weights.sameParentRegion
  if (subject.section !== null && String(candidate.section) === String(subject.section))
    score += weights.sameSection
  if (score === 0) return 0
  if (candidate.date) {
    const ageDays = Math.max(0, (now - new Date(candidate.date).getTime()) / DAY)
    score += weights.recency * 0.5 ** (ageDays / weights.recencyHalfLifeDays)
  }
  return score
}

/** The best `count` candidates, highest score first, then newest, never the subject itself. */
export const rankCandidates = (
  subject: ScoringSubject,
  candidates: ScoringCandidate[],
  weights: RelatedNewsWeights,
  count: number,
  now = Date.now(),
): ID[] => {
  const seen = new Set<string>()
  return candidates
    .filter((candidate) => {
      const key = String(candidate.id)
      if (seen.has(key) || (subject.id !== undefined && key === String(subject.id))) return false
      seen.add(key)
      return true
    })
    .map((candidate) => ({ candidate, score: scoreCandidate(subject, candidate, weights, now) }))
    .filter(({ score }) => score > 0)
    .sort(
      (a, b) =>
        b.score - a.score ||
        String(b.candidate.date ?? '').localeCompare(String(a.candidate.date ?? '')),
    )
    .slice(0, count)
    .map(({ candidate }) => candidate.id)
}
