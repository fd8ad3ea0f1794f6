import type { RelatedNewsOptions, RelatedNewsWeights, SanitizedRelatedNewsConfig } from './types'

export const defaultWeights: RelatedNewsWeights = {
  sharedKeyword: 3,
  sameRegion: 2,
  sameParentRegion: 1,
  sameSection: 1,
  recency: 2,
  recencyHalfLifeDays: 7,
}

export const sanitizeRelatedNewsOptions = (
  options: RelatedNewsOptions = {},
): SanitizedRelatedNewsConfig => ({
  collections: options.collections ?? ['articles'],
  maxRelated: options.maxRelated ?? 10,
  suggestionCount: options.suggestionCount ?? 10,
  readLimit: options.readLimit ?? 5,
  candidatesPerSignal: options.candidatesPerSignal ?? 50,
  refreshLimit: options.refreshLimit ?? 100,
  fields: {
    keywords: options.fields?.keywords ?? 'keywords',
    region: options.fields?.region ?? 'region',
    regionParent: options.fields?.regionParent ?? 'parent',
    regionsCollection: 'regions',
    section: options.fields?.section ?? 'section',
    date: options.fields?.date ?? 'registeredAt',
  },
  weights: { ...defaultWeights, ...options.weights },
  enabled: options.enabled ?? true,
})
