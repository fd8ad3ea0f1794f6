export type QueryLimitsOptions = {
  /** Collections whose REST/GraphQL reads are bounded. @default every collection */
  collections?: string[]
  /** Largest `limit` a REST or GraphQL read (and a join) may ask for. @default 100 */
  maxLimit?: number
  /** Deepest selection a GraphQL operation may have (introspection fields excepted). @default 10 */
  maxDepth?: number
  /** Payload's GraphQL complexity budget per operation. @default 1000 */
  maxComplexity?: number
}

export type SanitizedQueryLimitsConfig = { collections: null | string[]; maxComplexity: number; maxDepth: number; maxLimit: number }
