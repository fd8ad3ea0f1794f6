import type { QueryLimitsOptions, SanitizedQueryLimitsConfig } from './types'

export const sanitizeQueryLimitsOptions = (options: QueryLimitsOptions = {}): SanitizedQueryLimitsConfig => ({
  collections: options.collections ?? null,
  maxComplexity: options.maxComplexity ?? 1000,
  maxDepth: options.maxDepth ?? 10,
  maxLimit: options.maxLimit ?? 100,
})
