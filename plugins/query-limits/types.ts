import type { AllowList } from './allowList'

export type QueryLimitsOptions = {
  /** Collections whose REST/GraphQL reads are bounded. @default every collection */
  collections?: string[]
  /** Largest `limit` a REST or GraphQL read (and a join) may ask for. @default 100 */
  maxLimit?: number
  /**
   * The same for signed-in staff (users of the admin's collection): the admin itself asks for
   * 250 relationship labels at once and lets editors list 100 rows a page. @default 1000
   */
  staffMaxLimit?: number
  /** Deepest selection a GraphQL operation may have (introspection fields excepted). @default 10 */
  maxDepth?: number
  /** Payload's GraphQL complexity budget per operation. @default 1000 */
  maxComplexity?: number
  /**
   * Most lexical tokens a GraphQL document may have; a longer one is refused before it is parsed
   * further. The introspection query has about 200, a page query rarely 500. @default 5000
   */
  maxTokens?: number
  /**
   * Most field selections one GraphQL operation may have once its fragment spreads are expanded
   * (a fragment spread twice counts twice), so that no rule or resolver walks a fan-out of
   * fragments. @default twice `maxComplexity`
   */
  maxSelections?: number
  /**
   * The only GraphQL documents anonymous readers may run (query texts; spacing and comments do not
   * matter); signed-in users may run any. @default the file NEWSROOM_GRAPHQL_ALLOWLIST names (an
   * Apollo persisted-query manifest or a JSON array of queries), else no list: any query
   */
  anonymousQueries?: readonly string[]
}

export type SanitizedQueryLimitsConfig = {
  allowList: AllowList | null
  collections: null | string[]
  maxComplexity: number
  maxDepth: number
  maxLimit: number
  maxSelections: number
  staffMaxLimit: number
  maxTokens: number
}
