import type { PayloadRequest, SanitizedConfig } from 'payload'

import { GraphQLError } from 'graphql'
import { headersWithCors } from 'payload'

import {
  checkVariablesBounds,
  GraphQLBoundError,
  graphQLBoundsOf,
  parseWithinBounds,
} from './documentBounds'

type Handler = (request: Request) => Promise<Response>

/** A 400 in graphql-http's shape for a request refused before the handler reads it, with the CORS headers Payload's handler sends. */
export const refuseGraphQLRequest = (
  message: string,
  code: string,
  config: SanitizedConfig,
  request: Request,
): Response => {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' })
  headersWithCors({
    headers,
    req: { headers: request.headers, payload: { config } } as unknown as PayloadRequest,
  })
  return new Response(JSON.stringify({ errors: [{ extensions: { code }, message }] }), {
    headers,
    status: 400,
  })
}

export const invalidJsonMessage = '잘못된 JSON입니다 (the body is not valid JSON)'

/**
 * Wraps a GraphQL POST route handler (Payload's `GRAPHQL_POST`, which takes no parse options) so
 * that a JSON body that does not parse (Payload's handler throws on it: a 500) or holds a query
 * beyond the bounds of `parseWithinBounds` (or variables nested too deeply) is answered 400 before the handler parses and validates
 * it. Everything else goes to the handler as sent.
 */
export const withGraphQLBounds =
  (handler: Handler, config: Promise<SanitizedConfig> | SanitizedConfig): Handler =>
  async (request) => {
    if (
      request.method !== 'POST' ||
      request.headers.get('content-type')?.split(';', 1)[0]?.trim() !== 'application/json'
    )
      return handler(request)
    const text = await request.clone().text()
    // An empty body, or one that is not an object, is the handler's to refuse (graphql-http does).
    if (text.trim() === '') return handler(request)
    const sanitized = await config
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      return refuseGraphQLRequest(invalidJsonMessage, 'VALIDATION', sanitized, request)
    }
    const { query, variables } = (body ?? {}) as { query?: unknown; variables?: unknown }
    if (typeof query === 'string') {
      try {
        parseWithinBounds(query, graphQLBoundsOf(sanitized))
        checkVariablesBounds(variables)
      } catch (error) {
        if (error instanceof GraphQLBoundError)
          return refuseGraphQLRequest(error.message, error.code, sanitized, request)
        // A syntax error is the handler's to answer, in its own shape.
        if (!(error instanceof GraphQLError)) throw error
      }
    }
    return handler(request)
  }
