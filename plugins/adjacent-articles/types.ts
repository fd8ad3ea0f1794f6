export type AdjacentArticlesOptions = {
  /** Collections that get `adjacent`. @default ['articles'] */
  collections?: string[]
  /** Neighbours share this relationship (the section). @default 'section' */
  groupBy?: string
  /** Order of the neighbours. @default 'registeredAt' */
  dateField?: string
  /** When false the field stays (stable schema) and reads null. @default true */
  enabled?: boolean
}

export type SanitizedAdjacentArticlesConfig = Required<AdjacentArticlesOptions>
