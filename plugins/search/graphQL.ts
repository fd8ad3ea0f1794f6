import type { GraphQLFieldConfig, GraphQLObjectType } from 'graphql'
import type { PayloadRequest } from 'payload'

import type { SanitizedSearchConfig } from './types'

import { HEADLINE_KEYS } from '../shared/headline'
import { parseSearchArgs, runSearch } from './runSearch'

type GraphQLModule = typeof import('graphql')
type Context = { collections?: Record<string, { graphQL?: { type?: GraphQLObjectType } }> }

/**
 * `searchArticles(q, section, region, page, limit)`: the result items are the collection's own
 * GraphQL type cut to the headline fields (so they resolve `section`, `heroImage` and the
 * rest exactly as an article read does), plus `snippet`.
 */
export const searchQuery =
  (config: SanitizedSearchConfig) =>
  (
    GraphQL: GraphQLModule,
    context: Context,
  ): Record<string, GraphQLFieldConfig<unknown, unknown>> => {
    const articleType = context.collections?.[config.collection]?.graphQL?.type
    if (!articleType) return {}
    const itemType = new GraphQL.GraphQLObjectType({
      name: 'SearchArticle',
      description:
        'An article found by searchArticles: the headline shape and a highlighted passage.',
      fields: () => {
        const fields = articleType.toConfig().fields
        const picked = Object.fromEntries(
          HEADLINE_KEYS.filter((name) => fields[name]).map((name) => [name, fields[name]!]),
        )
        return {
          ...picked,
          snippet: {
            type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString),
            description: 'HTML: the passage with <mark> around each hit, everything else escaped.',
          },
        }
      },
    })
    const resultType = new GraphQL.GraphQLObjectType({
      name: 'SearchArticles',
      fields: {
        docs: {
          type: new GraphQL.GraphQLNonNull(
            new GraphQL.GraphQLList(new GraphQL.GraphQLNonNull(itemType)),
          ),
        },
        totalDocs: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
        page: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
        totalPages: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
      },
    })
    return {
      searchArticles: {
        type: new GraphQL.GraphQLNonNull(resultType),
        args: {
          q: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLString) },
          section: { type: GraphQL.GraphQLString, description: 'Section slug' },
          region: {
            type: GraphQL.GraphQLString,
            description: 'Region slug (a 시도 includes its 시군구)',
          },
          page: { type: GraphQL.GraphQLInt },
          limit: { type: GraphQL.GraphQLInt },
        },
        resolve: async (_root, args, context) => {
          const req = (context as { req: PayloadRequest }).req
          const query = await parseSearchArgs(config, req, args as Record<string, unknown>)
          // Depth 0: the item type's own resolvers populate section and hero image.
          return runSearch(config, req, query, 0)
        },
      },
    }
  }
