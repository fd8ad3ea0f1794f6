import type { ValidationRule, ValueNode } from 'graphql'

import { GraphQLError, Kind } from 'graphql'

import { LIMIT } from './documentBounds'
import { limitMessage } from './hooks/boundReadSize'

const valueOf = (node: ValueNode, variables: Record<string, unknown>): unknown => {
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.BOOLEAN) return node.value
  return undefined
}

/**
 * GraphQL's side of the page-size bound: every `limit` argument (joins included) lies in
 * 1..maxLimit, and `pagination: false` comes with such a limit.
 */
export const limitArgumentsRule =
  (maxLimit: number, variables: null | Record<string, unknown> | undefined): ValidationRule =>
  (context) => ({
    Field(node) {
      const args = new Map(
        (node.arguments ?? []).map((argument) => [
          argument.name.value,
          valueOf(argument.value, variables ?? {}),
        ]),
      )
      const limit = args.get('limit')
      const isBadLimit =
        limit !== undefined &&
        limit !== null &&
        (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > maxLimit)
      const isUnbounded =
        args.get('pagination') === false && (limit === undefined || limit === null)
      if (isBadLimit || isUnbounded)
        context.reportError(
          new GraphQLError(limitMessage(`${node.name.value}(limit)`, maxLimit), {
            extensions: { code: LIMIT },
            nodes: [node],
          }),
        )
    },
  })
