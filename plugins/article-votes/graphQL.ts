import type { GraphQLFieldConfig } from 'graphql'
import type { PayloadRequest } from 'payload'

import { APIError } from 'payload'

import type { CastVote } from './voteEndpoint'

type GraphQLModule = typeof import('graphql')

/** 429 in GraphQL: `extensions.code` RATE_LIMITED and the wait in `extensions.data.retryAfter`. */
class VoteRateLimited extends APIError {
  constructor(retryAfter: number) {
    super(
      `요청이 너무 많습니다. ${retryAfter}초 뒤에 다시 시도하세요. (Too many requests. Try again in ${retryAfter} seconds.)`,
      429,
      { code: 'RATE_LIMITED', retryAfter },
      true,
    )
  }
}

/**
 * `<mutation>(id, value): VoteResult!` — the REST vote's twin (same voter rules, limits and
 * answers), for the first voted collection.
 */
export const voteMutation =
  (name: string, collection: string, cast: CastVote) =>
  (GraphQL: GraphQLModule): Record<string, GraphQLFieldConfig<unknown, unknown>> => {
    const resultType = new GraphQL.GraphQLObjectType({
      name: 'VoteResult',
      fields: {
        votesUp: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
        votesDown: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
        myVote: {
          type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt),
          description: "The caller's vote: 1, -1, or 0 for none.",
        },
      },
    })
    return {
      [name]: {
        type: new GraphQL.GraphQLNonNull(resultType),
        description:
          '올려(1)/내려(-1)/취소(0): a signed-in reader as themself, else the browser by the x-reader-token header.',
        args: {
          id: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLID) },
          value: { type: new GraphQL.GraphQLNonNull(GraphQL.GraphQLInt) },
        },
        resolve: async (_root, args, context) => {
          const req = (context as { req: PayloadRequest }).req
          const { id, value } = args as { id: string; value: number }
          const result = await cast(req, collection, id, value)
          if ('retryAfter' in result) throw new VoteRateLimited(result.retryAfter)
          return result
        },
      },
    }
  }
