import type { QueryLimitsOptions, SanitizedQueryLimitsConfig } from './types'

import { createAllowList, readAllowListFile } from './allowList'

const allowListOf = (options: QueryLimitsOptions): SanitizedQueryLimitsConfig['allowList'] => {
  if (options.anonymousQueries) return createAllowList(options.anonymousQueries, 'queryLimits({ anonymousQueries })')
  const file = process.env.NEWSROOM_GRAPHQL_ALLOWLIST?.trim()
  return file ? createAllowList(readAllowListFile(file), `GraphQL allow-list ${file}`) : null
}

export const sanitizeQueryLimitsOptions = (options: QueryLimitsOptions = {}): SanitizedQueryLimitsConfig => ({
  allowList: allowListOf(options),
  collections: options.collections ?? null,
  maxComplexity: options.maxComplexity ?? 1000,
  maxDepth: options.maxDepth ?? 10,
  maxLimit: options.maxLimit ?? 100,
})
