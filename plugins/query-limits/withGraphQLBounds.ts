import type { SanitizedConfig } from 'payload'

import { GraphQLError } from 'graphql'

import { GraphQLBoundError, graphQLBoundsOf, parseWithinBounds } from './documentBounds'

type Handler = (request: Request) => Promise<Response>

const refuse = (message: string, code: string): Response =>
  Response.json({ errors: [{ extensions: { code }, message }] }, { headers: { 'content-type': 'application/json; charset=utf-8' }, status: 400 })

/**
 * Wraps a GraphQL POST route handler (Payload's `GRAPHQL_POST`, which takes no parse options) so
 * that a JSON body that does not parse, is not an object, or holds a query beyond the bounds of
 * `parseWithinBounds` is answered 400 before the handler parses and validates it. Other bodies go
 * to the handler unread.
 */
export const withGraphQLBounds =
  (handler: Handler, config: Promise<SanitizedConfig> | SanitizedConfig): Handler =>
  async (request) => {
    if (request.method !== 'POST' || request.headers.get('content-type')?.split(';', 1)[0]?.trim() !== 'application/json') return handler(request)
    let body: unknown
    try {
      body = JSON.parse(await request.clone().text())
    } catch {
      return refuse('잘못된 JSON입니다 (the body is not valid JSON)', 'VALIDATION')
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) return refuse('JSON 본문은 객체여야 합니다 (the JSON body must be an object)', 'VALIDATION')
    const query = (body as { query?: unknown }).query
    if (typeof query === 'string') {
      try {
        parseWithinBounds(query, graphQLBoundsOf(await config))
      } catch (error) {
        if (error instanceof GraphQLBoundError) return refuse(error.message, error.code)
        // A syntax error is the handler's to answer, in its own shape.
        if (!(error instanceof GraphQLError)) throw error
      }
    }
    return handler(request)
  }
