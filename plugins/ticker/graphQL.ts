import type { GraphQLFieldConfig } from 'graphql'
import type { PayloadRequest } from 'payload'

import type { SanitizedTickerConfig } from './types'

import { readCurrentItems } from './currentItems'

type GraphQLModule = typeof import('graphql')

/** GraphQL `ticker`: the current items in order, the same list as `GET /api/ticker-items/current`. */
export const tickerQuery =
  (config: SanitizedTickerConfig) =>
  (
    GraphQL: GraphQLModule,
    context: {
      collections?: Record<string, { graphQL?: { type?: import('graphql').GraphQLObjectType } }>
    },
  ): Record<string, GraphQLFieldConfig<unknown, unknown>> => {
    // Ids in the articles' own GraphQL type (Int on SQL databases, String on MongoDB).
    const articleIdType =
      context.collections?.[config.articles]?.graphQL?.type?.getFields().id?.type
    const idType =
      articleIdType && GraphQL.getNullableType(articleIdType) === GraphQL.GraphQLInt
        ? GraphQL.GraphQLInt
        : GraphQL.GraphQLString
    const required = <T extends import('graphql').GraphQLNullableType>(type: T) =>
      new GraphQL.GraphQLNonNull(type)
    const articleType = new GraphQL.GraphQLObjectType({
      name: 'TickerLineArticle',
      fields: {
        id: { type: required(idType) },
        title: { type: required(GraphQL.GraphQLString) },
        slug: { type: GraphQL.GraphQLString },
        url: { type: required(GraphQL.GraphQLString), description: 'Absolute public URL' },
      },
    })
    const itemType = new GraphQL.GraphQLObjectType({
      name: 'TickerLine',
      description: '티커뉴스: one line of the news ticker.',
      fields: {
        id: { type: required(idType) },
        text: { type: required(GraphQL.GraphQLString) },
        url: { type: GraphQL.GraphQLString, description: 'The link, else the article’s URL' },
        article: { type: articleType },
        startsAt: { type: GraphQL.GraphQLString, description: 'RFC 3339, +09:00' },
        endsAt: { type: GraphQL.GraphQLString, description: 'RFC 3339, +09:00' },
        order: { type: required(GraphQL.GraphQLInt) },
        breaking: { type: required(GraphQL.GraphQLBoolean), description: '속보 article' },
      },
    })
    return {
      [config.graphQLQuery]: {
        type: required(new GraphQL.GraphQLList(required(itemType))),
        description: 'The news ticker now: items switched on, within their window, in order.',
        resolve: (_root, _args, context) =>
          readCurrentItems(config, (context as { req: PayloadRequest }).req),
      },
    }
  }
