import type { GraphQLFieldConfig, GraphQLObjectType } from 'graphql'
import type { PayloadRequest } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { SanitizedArticleViewsConfig } from './types'

import { HEADLINE_KEYS } from '../shared/headline'
import { findMostRead, parseMostReadArgs } from './mostRead'

type GraphQLModule = typeof import('graphql')
type Context = { collections?: Record<string, { graphQL?: { type?: GraphQLObjectType } }> }

/**
 * `mostRead(section, window, limit)`: the collection's own GraphQL type cut to the headline fields
 * and the count field (so they resolve exactly as an article read does), plus `views`.
 */
export const mostReadQuery =
  (config: SanitizedArticleViewsConfig, store: CounterStore) =>
  (
    GraphQL: GraphQLModule,
    context: Context,
  ): Record<string, GraphQLFieldConfig<unknown, unknown>> => {
    const articleType = context.collections?.[config.collection]?.graphQL?.type
    if (!articleType) return {}
    const itemType = new GraphQL.GraphQLObjectType({
      name: 'MostReadArticle',
      description:
        'A most-read article: the headline shape, its total views and its views in the window.',
      fields: () => {
        const fields = articleType.toConfig().fields
        const picked = Object.fromEntries(
          [...HEADLINE_KEYS, config.field]
            .filter((name) => fields[name])
            .map((name) => [name, fields[name]!]),
        )
        return {
          ...picked,
          views: {
            type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt),
            description: 'Views in the asked window.',
          },
        }
      },
    })
    return {
      mostRead: {
        type: new GraphQL.GraphQLNonNull(
          new GraphQL.GraphQLList(new GraphQL.GraphQLNonNull(itemType)),
        ),
        description: '많이 본 뉴스: published articles by views in the window, most first.',
        args: {
          section: { type: GraphQL.GraphQLString, description: 'Section id or slug' },
          window: { type: GraphQL.GraphQLString, description: '24h (default) or 7d' },
          limit: { type: GraphQL.GraphQLInt },
        },
        resolve: async (_root, args, context) => {
          const req = (context as { req: PayloadRequest }).req
          const parsed = await parseMostReadArgs(config, req, args as Record<string, unknown>)
          // Depth 0: the item type's own resolvers populate section and hero image.
          return findMostRead(config, store, req, parsed)
        },
      },
    }
  }
