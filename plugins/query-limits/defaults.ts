import type { QueryLimitsOptions, SanitizedQueryLimitsConfig } from './types'

import { createAllowList, readAllowListFile } from './allowList'
import { defaultGraphQLBounds } from './documentBounds'

const allowListOf = (options: QueryLimitsOptions): SanitizedQueryLimitsConfig['allowList'] => {
  if (options.anonymousQueries)
    return createAllowList(options.anonymousQueries, 'queryLimits({ anonymousQueries })')
  const file = process.env.NEWSROOM_GRAPHQL_ALLOWLIST?.trim()
  return file ? createAllowList(readAllowListFile(file), `GraphQL allow-list ${file}`) : null
}

export const sanitizeQueryLimitsOptions = (
  options: QueryLimitsOptions = {},
): SanitizedQueryLimitsConfig => {
  const maxComplexity = options.maxComplexity ?? 1000
  return {
    allowList: allowListOf(options),
    collections: options.collections ?? null,
    maxComplexity,
    maxDepth: options.maxDepth ?? 10,
    maxLimit: options.maxLimit ?? 100,
    maxSelections: options.maxSelections ?? 2 * maxComplexity,
    staffMaxLimit: Math.max(options.staffMaxLimit ?? 1000, options.maxLimit ?? 100),
    maxTokens: options.maxTokens ?? defaultGraphQLBounds.maxTokens,
  }
}
