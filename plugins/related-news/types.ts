export type RelatedNewsWeights = {
  /** Per keyword shared with the article. */
  sharedKeyword: number
  /** Same region (시군구 or 시도). */
  sameRegion: number
  /** Region under the same 시도 (the article's parent region, or a sibling 시군구). */
  sameParentRegion: number
  /** Same section. */
  sameSection: number
  /** Recency bonus for a candidate published today; halves every `recencyHalfLifeDays`. */
  recency: number
  recencyHalfLifeDays: number
}

export type RelatedNewsOptions = {
  /** Collections to link. Each needs a `title` and `slug`; keywords/region/section are used when present. */
  collections?: string[]
  /** Editors' picks at most. @default 10 */
  maxRelated?: number
  /** Computed suggestions stored per document. @default 10 */
  suggestionCount?: number
  /** Items in the `related` read field. @default 5 */
  readLimit?: number
  /** Candidates fetched per signal (keywords, region, parent region, section) before scoring. @default 50 */
  candidatesPerSignal?: number
  /** Documents recomputed by one refresh job at most. @default 100 */
  refreshLimit?: number
  fields?: {
    keywords?: string
    region?: string
    regionParent?: string
    section?: string
    date?: string
  }
  weights?: Partial<RelatedNewsWeights>
  /** When false the fields stay (stable schema) and hooks do nothing. @default true */
  enabled?: boolean
}

export type SanitizedRelatedNewsConfig = {
  collections: string[]
  maxRelated: number
  suggestionCount: number
  readLimit: number
  candidatesPerSignal: number
  refreshLimit: number
  fields: {
    keywords: string
    region: string
    regionParent: string
    regionsCollection: string
    section: string
    date: string
  }
  weights: RelatedNewsWeights
  enabled: boolean
}
