import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ID } from '../shared/relationIds'
import type { ScoringCandidate } from './scoring'
import type { SanitizedRelatedNewsConfig } from './types'

import { idOf } from '../shared/relationIds'
import { publishedOnly } from '../shared/publication'
import { rankCandidates } from './scoring'

export type SuggestionSubject = {
  id?: ID
  keywords?: unknown
  region?: unknown
  section?: unknown
}

const hasField = (req: PayloadRequest, collection: string, name: string): boolean =>
  Boolean(
    req.payload.collections[collection as CollectionSlug]?.config.flattenedFields.some(
      (field) => field.name === name,
    ),
  )

const keywordList = (value: unknown): string[] =>
  (Array.isArray(value) ? value : []).filter(
    (keyword): keyword is string => typeof keyword === 'string' && keyword.trim() !== '',
  )

/**
 * Top suggestions for one document. Candidates come from a few small, index-backed queries (one
 * per signal: shared keywords, same region, same 시도, same section; newest first, bounded),
 * never from a scan of every article; they are then scored in memory (see scoring.ts).
 */
export const findSuggestions = async (
  config: SanitizedRelatedNewsConfig,
  collection: string,
  subject: SuggestionSubject,
  req: PayloadRequest,
): Promise<ID[]> => {
  const slug = collection as CollectionSlug
  const { fields } = config
  const regionsSlug = fields.regionsCollection as CollectionSlug
  const hasRegions =
    hasField(req, collection, fields.region) && Boolean(req.payload.collections[regionsSlug])
  const keywords = hasField(req, collection, fields.keywords) ? keywordList(subject.keywords) : []
  const region = hasRegions ? idOf(subject.region) : null
  const section = hasField(req, collection, fields.section) ? idOf(subject.section) : null

  let province: ID | null = null
  let provinceRegions: ID[] = []
  if (region !== null) {
    const own = await req.payload.findByID({
      collection: regionsSlug,
      id: region,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
    })
    province = idOf((own as Record<string, unknown> | null)?.[fields.regionParent]) ?? region
    const siblings = await req.payload.find({
      collection: regionsSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      select: {},
      where: { [fields.regionParent]: { equals: province } },
    })
    provinceRegions = [province, ...siblings.docs.map((doc) => doc.id)]
  }

  const base: Where[] = [
    ...publishedOnly(req.payload.collections[slug]?.config),
    ...(subject.id !== undefined ? [{ id: { not_equals: subject.id } }] : []),
  ]
  const signals: Where[] = [
    ...(keywords.length ? [{ [fields.keywords]: { in: keywords } }] : []),
    ...(region !== null ? [{ [fields.region]: { equals: region } }] : []),
    ...(provinceRegions.length > 1 ? [{ [fields.region]: { in: provinceRegions } }] : []),
    ...(section !== null ? [{ [fields.section]: { equals: section } }] : []),
  ]
  const dateField = hasField(req, collection, fields.date) ? fields.date : 'createdAt'
  const batches = await Promise.all(
    signals.map((signal) =>
      req.payload.find({
        collection: slug,
        depth: 0,
        limit: config.candidatesPerSignal,
        overrideAccess: true,
        pagination: false,
        req,
        select: {
          [fields.keywords]: true,
          [fields.region]: true,
          [fields.section]: true,
          [dateField]: true,
        } as never,
        sort: `-${dateField}`,
        where: { and: [...base, signal] },
      }),
    ),
  )
  const docs = batches.flatMap((batch) => batch.docs as unknown as Record<string, unknown>[])
  if (docs.length === 0) return []

  const candidateRegions = [
    ...new Set(docs.map((doc) => idOf(doc[fields.region])).filter((id): id is ID => id !== null)),
  ]
  const parentOf = new Map<string, ID | null>()
  if (hasRegions && candidateRegions.length) {
    const regionDocs = await req.payload.find({
      collection: regionsSlug,
      depth: 0,
      limit: candidateRegions.length,
      overrideAccess: true,
      pagination: false,
      req,
      select: { [fields.regionParent]: true } as never,
      where: { id: { in: candidateRegions } },
    })
    for (const doc of regionDocs.docs as unknown as Record<string, unknown>[]) {
      parentOf.set(String(doc.id), idOf(doc[fields.regionParent]))
    }
  }

  const candidates: ScoringCandidate[] = docs.map((doc) => {
    const candidateRegion = idOf(doc[fields.region])
    return {
      id: doc.id as ID,
      date: (doc[dateField] as null | string) ?? null,
      keywords: keywordList(doc[fields.keywords]),
      region: candidateRegion,
      parentRegion:
        candidateRegion === null ? null : (parentOf.get(String(candidateRegion)) ?? null),
      section: idOf(doc[fields.section]),
    }
  })
  return rankCandidates(
    {
      id: subject.id,
      keywords,
      region,
      parentRegion: province !== null && String(province) !== String(region) ? province : null,
      section,
    },
    candidates,
    config.weights,
    config.suggestionCount,
  )
}
