import type { CollectionConfig, Config, Plugin } from 'payload'

import type { QueryLimitsOptions } from './types'

import { listQueries } from '../shared/listedQueries'
import { allowListRule, isSignedInToAdmin } from './allowList'
import { sanitizeQueryLimitsOptions } from './defaults'
import { depthLimitRule } from './depthLimitRule'
import { withGraphQLBoundsIn } from './documentBounds'
import { boundReadSize } from './hooks/boundReadSize'
import { skipCountForUniqueLookup } from './hooks/skipCountForUniqueLookup'
import { limitArgumentsRule } from './limitArgumentsRule'

export type { QueryLimitsOptions } from './types'
export { allowListRule, createAllowList, readAllowListFile } from './allowList'
export type { AllowList } from './allowList'
export { depthLimitRule } from './depthLimitRule'
export {
  checkDocumentBounds,
  defaultGraphQLBounds,
  GraphQLBoundError,
  graphQLBoundsOf,
  parseWithinBounds,
} from './documentBounds'
export type { GraphQLDocumentBounds } from './documentBounds'
export { withGraphQLBounds } from './withGraphQLBounds'
export { limitArgumentsRule } from './limitArgumentsRule'

/**
 * Bounds what one public request can cost: page size, joins, GraphQL document size (tokens,
 * nesting, fragment expansion: applied by the GraphQL route, see `withGraphQLBounds`), depth and
 * complexity, and optionally which GraphQL documents anonymous readers may run at all; and spares reads by a
 * unique field (an article by slug) the page count.
 */
export const queryLimits =
  (options: QueryLimitsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeQueryLimitsOptions(options)
    // Persisted-query requests may name a listed query by its hash alone, from the first request on.
    if (config.allowList) listQueries(config.allowList.queries)
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (config.collections && !config.collections.includes(collection.slug)) return collection
      return {
        ...collection,
        hooks: {
          ...collection.hooks,
          beforeOperation: [
            ...(collection.hooks?.beforeOperation ?? []),
            boundReadSize(config),
            skipCountForUniqueLookup,
          ],
        },
      }
    })
    const userRules = incomingConfig.graphQL?.validationRules
    return {
      ...withGraphQLBoundsIn(incomingConfig, {
        maxSelections: config.maxSelections,
        maxTokens: config.maxTokens,
      }),
      collections,
      loggingLevels: {
        QueryLimitError: 'info',
        ...incomingConfig.loggingLevels,
      } as Config['loggingLevels'],
      graphQL: {
        ...incomingConfig.graphQL,
        maxComplexity: incomingConfig.graphQL?.maxComplexity ?? config.maxComplexity,
        validationRules: (args) => [
          depthLimitRule(config.maxDepth),
          limitArgumentsRule(
            isSignedInToAdmin(args.contextValue) ? config.staffMaxLimit : config.maxLimit,
            args.variableValues as Record<string, unknown> | undefined,
          ),
          ...(config.allowList ? [allowListRule(config.allowList, args.contextValue)] : []),
          ...(userRules ? userRules(args) : []),
        ],
      },
    }
  }
