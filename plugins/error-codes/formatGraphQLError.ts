import type { GraphQLFormattedError } from 'graphql'

import type { MessageLanguage } from './language'

import { localizeMessage } from './language'

type Formatted = GraphQLFormattedError & { extensions?: Record<string, unknown> }

const isFormatted = (error: unknown): error is Formatted =>
  typeof error === 'object' && error !== null && typeof (error as Formatted).message === 'string'

/** graphql-query-complexity's refusal (Payload's `maxComplexity`), in English and without a code. */
const COMPLEXITY = /maximum complexity/i

/**
 * The last step of every GraphQL error on its way out (graphql-http's `formatError`): a stable
 * `extensions.code` — a resolver's from `addErrorCodes`, a validation rule's own, else `LIMIT` for
 * the complexity bound and `VALIDATION` for a document graphql-js refuses (syntax, unknown
 * fields, wrong argument types) — no class name (minified in the production build: `"rS"`), and
 * the message in the reader's language (language.ts).
 */
export const formatGraphQLError = (
  error: unknown,
  language: MessageLanguage | undefined,
): GraphQLFormattedError => {
  const json: Formatted =
    typeof (error as { toJSON?: unknown })?.toJSON === 'function'
      ? ((error as { toJSON: () => Formatted }).toJSON() as Formatted)
      : isFormatted(error)
        ? error
        : { message: String((error as Error)?.message ?? error) }
  const { name: _name, ...extensions } = json.extensions ?? {}
  const isResolverError = json.path !== undefined || extensions.statusCode !== undefined
  const code =
    typeof extensions.code === 'string'
      ? extensions.code
      : isResolverError
        ? undefined
        : COMPLEXITY.test(json.message)
          ? 'LIMIT'
          : 'VALIDATION'
  const lead = code === 'LIMIT' ? '요청이 한도를 넘습니다' : '잘못된 GraphQL 요청입니다'
  return {
    ...json,
    message:
      isResolverError && !code ? json.message : localizeMessage(json.message, language, lead),
    ...(code || Object.keys(extensions).length > 0
      ? { extensions: { ...extensions, ...(code ? { code } : {}) } }
      : {}),
  } as GraphQLFormattedError
}
