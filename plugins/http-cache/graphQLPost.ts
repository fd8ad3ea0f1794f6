import type {
  DocumentNode,
  GraphQLError,
  GraphQLFormattedError,
  GraphQLSchema,
  ValidationRule,
} from 'graphql'
import type { PayloadRequest, SanitizedConfig } from 'payload'

import { configToSchema } from '@payloadcms/graphql'
import { parse, specifiedRules, TokenKind, validate } from 'graphql'
import { createHandler } from 'graphql-http'
import {
  addDataAndFileToRequest,
  addLocalesToRequestFromData,
  createPayloadRequest,
  headersWithCors,
  logError,
  mergeHeaders,
  unlinkClientUploadTempFile,
} from 'payload'

import {
  checkVariablesBounds,
  GraphQLBoundError,
  graphQLBoundsOf,
  parseWithinBounds,
} from '../query-limits/documentBounds'
import { formatGraphQLError } from '../error-codes/formatGraphQLError'
import { preferredLanguage } from '../error-codes/language'
import { invalidJsonMessage, refuseGraphQLRequest } from '../query-limits/withGraphQLBounds'
import { QUERY_NOT_ALLOWED } from '../shared/listedQueries'
import { markAnswerWithErrors } from './graphQLErrors'
import { resolvePersistedQuery } from './persistedQueries'

// --- One parse and one schema validation per distinct query text ------------------------------
//
// A frontend sends the same few query texts over and over with other variables. graphql-js's
// schema validation (`specifiedRules`) depends only on the schema and the document, yet Payload's
// handler runs it, and the parse, on every request: 14 % of a GraphQL article read's CPU, measured.
// Rules given per request (Payload's complexity limit, query-limits' depth and `limit` rules)
// read the variables, so they still run every time.

const MAX_CACHED_DOCUMENTS = 500
/** Sum of the cached query texts' lengths: their syntax trees are some tens of times larger. */
const MAX_CACHED_QUERY_CHARS = 1_000_000

const documents = new Map<string, { document: DocumentNode; tokens: number }>()
let cachedQueryChars = 0

/** Lexical tokens of a parsed document, counted as `parse`'s `maxTokens` counts them. */
const tokensOf = (document: DocumentNode): number => {
  let tokens = 0
  for (
    let token = document.loc?.startToken.next;
    token && token.kind !== TokenKind.EOF;
    token = token.next
  )
    if (token.kind !== TokenKind.COMMENT) tokens++
  return tokens
}

/**
 * graphql-js's `parse`, answering a query text it parsed a moment ago with the same syntax tree
 * (never changed by validation or execution), so that its validation is kept too. A `maxTokens`
 * option is honoured for a kept tree as well; other options parse anew.
 * Bounded by count and total size, least recently used out first; syntax errors are not kept.
 */
export const parseOnce = ((
  source: Parameters<typeof parse>[0],
  options?: Parameters<typeof parse>[1],
) => {
  if (
    typeof source !== 'string' ||
    (options && Object.keys(options).some((option) => option !== 'maxTokens'))
  )
    return parse(source, options)
  const known = documents.get(source)
  if (known && (options?.maxTokens === undefined || known.tokens <= options.maxTokens)) {
    documents.delete(source)
    documents.set(source, known)
    return known.document
  }
  const document = parse(source, options)
  if (source.length > MAX_CACHED_QUERY_CHARS / 10) return document
  if (!known) cachedQueryChars += source.length
  documents.delete(source)
  documents.set(source, { document, tokens: tokensOf(document) })
  for (const [oldest] of documents) {
    if (documents.size <= MAX_CACHED_DOCUMENTS && cachedQueryChars <= MAX_CACHED_QUERY_CHARS) break
    documents.delete(oldest)
    cachedQueryChars -= oldest.length
  }
  return document
}) as typeof parse

const schemaRules = new Set<ValidationRule>(specifiedRules)
const schemaErrors = new WeakMap<
  DocumentNode,
  { errors: readonly GraphQLError[]; schema: GraphQLSchema }
>()

/**
 * graphql-js's `validate`, running the spec's rules (`specifiedRules`) once per document and
 * schema and any other rule on every call. A document the spec's rules refuse is validated again
 * with every rule in one pass, so that its errors come in document order as graphql-js gives them.
 * A document another rule refuses outright (`QUERY_NOT_ALLOWED`) gets that refusal alone.
 * With other rules, or options, it is plain `validate`.
 */
export const validateOnce = ((schema, document, rules = specifiedRules, options, typeInfo) => {
  const perCall = rules.filter((rule) => !schemaRules.has(rule))
  if (options || typeInfo || rules.length - perCall.length !== schemaRules.size)
    return validate(schema, document, rules, options, typeInfo)
  let known = schemaErrors.get(document)
  if (!known || known.schema !== schema) {
    known = { errors: validate(schema, document, specifiedRules), schema }
    schemaErrors.set(document, known)
  }
  let errors = known.errors
  if (known.errors.length > 0) errors = validate(schema, document, rules)
  else if (perCall.length > 0) errors = validate(schema, document, perCall)
  // A caller who may not run the document at all (an allow-list) learns nothing else about it or
  // the schema, such as the field names in graphql-js's "Did you mean …?" suggestions.
  const refusals = errors.filter((error) => error.extensions?.code === QUERY_NOT_ALLOWED)
  return refusals.length > 0 ? refusals : errors
}) as typeof validate

// --- Payload's GraphQL POST handler, with the cache above ------------------------------------

type GraphQLParams = { extensions?: unknown; operationName?: unknown; query?: unknown }

const noStore = { 'cache-control': 'private, no-store' }

/** Set by `graphQLGetHandler` on the POST it makes of a GET: such a request runs queries only. */
export const GRAPHQL_OVER_GET = 'x-newsroom-graphql-over-get'

/** Whether the operation a request would run is a query (a syntax error is left to the handler to answer). */
const isQueryOperation = (query: string, operationName: unknown): boolean => {
  try {
    const operations = parseOnce(query).definitions.filter(
      (definition) => definition.kind === 'OperationDefinition',
    )
    const chosen =
      typeof operationName === 'string' && operationName
        ? operations.find((operation) => operation.name?.value === operationName)
        : operations[0]
    return !chosen || chosen.operation === 'query'
  } catch {
    return true
  }
}

type PayloadGraphQL = ReturnType<typeof configToSchema>

const schemas = new WeakMap<SanitizedConfig, PayloadGraphQL>()

const payloadGraphQLOf = (config: SanitizedConfig): PayloadGraphQL => {
  let built = schemas.get(config)
  if (!built) {
    built = configToSchema(config)
    schemas.set(config, built)
  }
  return built
}

type OriginalError = { data?: unknown; name?: string; status?: number }

/** A resolver's error as Payload's handler shows it, after the config's `afterError` hooks. */
const formatResolverError = async (
  error: GraphQLError,
  req: PayloadRequest,
): Promise<GraphQLFormattedError> => {
  const { payload } = req
  const original = error.originalError as OriginalError | undefined
  // Payload's handler reads `originalError.status` unguarded and fails (an empty 500) on an error
  // graphql-js raised without one; here that is a 500 like any other.
  const status = original?.status || 500
  logError({ err: error, payload })
  let formatted: GraphQLFormattedError = {
    extensions: {
      name: original?.name || undefined,
      data: original?.data || undefined,
      stack: payload.config.debug ? error.stack : undefined,
      statusCode: status,
    },
    locations: error.locations,
    // A 500's message may hold anything, secrets included.
    message: !payload.config.debug && status === 500 ? 'Something went wrong.' : error.message,
    path: error.path,
  }
  for (const hook of payload.config.hooks.afterError ?? []) {
    const result = await hook({
      context: req.context,
      error,
      graphqlResult: formatted,
      req,
    } as Parameters<typeof hook>[0])
    if (result?.graphqlResult) formatted = result.graphqlResult as GraphQLFormattedError
  }
  return formatted
}

/**
 * Payload's GraphQL POST route handler (`GRAPHQL_POST` of `@payloadcms/next/routes`): same request
 * set-up, schema, validation rules, extensions, error shapes, CORS and response headers; but each
 * distinct query is parsed and schema-validated once (see `parseOnce`), the request is not
 * cloned for a JSON body, and Apollo's automatic persisted queries are answered (persistedQueries.ts).
 * `payloadInstanceCacheKey` names the Payload instance (`getPayload`'s `key`) when one process has several.
 */
export const graphQLPost =
  (
    config: Promise<SanitizedConfig> | SanitizedConfig,
    { payloadInstanceCacheKey }: { payloadInstanceCacheKey?: string } = {},
  ) =>
  async (request: Request): Promise<Response> => {
    // A JSON body is read once here: Payload parses this text (into `req.data`) and graphql-http is
    // given the same text (Payload's handler reads it again from a clone of the request). Any other
    // body is left for graphql-http to refuse.
    const isJson = request.headers.get('content-type')?.split(';', 1)[0] === 'application/json'
    const original = isJson ? null : request.clone()
    const jsonText = isJson ? await request.text() : ''
    const forPayload = isJson
      ? new Request(request.url, {
          body: jsonText,
          headers: request.headers,
          method: request.method,
        })
      : request
    const req = await createPayloadRequest({
      canSetHeaders: true,
      config,
      payloadInstanceCacheKey,
      request: forPayload,
    })
    const { payload } = req
    if (payload.config.graphQL?.disable) return new Response(null, { status: 404 })
    try {
      try {
        await addDataAndFileToRequest(req)
      } catch (error) {
        // A body that is not JSON: answered 400 as `withGraphQLBounds` answers it, not thrown to the framework (a 500).
        const status = (error as { status?: number }).status
        if (!status || status >= 500) throw error
        return refuseGraphQLRequest(invalidJsonMessage, 'VALIDATION', payload.config, request)
      }
      try {
        checkVariablesBounds((req.data as { variables?: unknown } | undefined)?.variables)
      } catch (error) {
        if (!(error instanceof GraphQLBoundError)) throw error
        return refuseGraphQLRequest(error.message, error.code, payload.config, request)
      }
      const data = req.data as GraphQLParams | undefined
      // What graphql-http reads: the text as sent, or the request with the query a persisted hash names.
      let jsonBody: GraphQLParams | string = jsonText
      if (
        isJson &&
        data &&
        typeof data === 'object' &&
        !Array.isArray(data) &&
        data.extensions !== undefined
      ) {
        const persisted = await resolvePersistedQuery(payload, data.query, data.extensions)
        if ('error' in persisted) {
          const { code, message, status } = persisted.error
          const answer = Response.json(
            { errors: [{ message, ...(code ? { extensions: { code } } : {}) }] },
            { headers: headersWithCors({ headers: new Headers(noStore), req }), status },
          )
          return markAnswerWithErrors(answer)
        }
        if (persisted.query !== null && persisted.query !== data.query)
          jsonBody = { ...data, query: persisted.query }
        // GraphQL over GET runs queries only (see graphQLGetHandler); a persisted query is known only now.
        if (
          request.headers.get(GRAPHQL_OVER_GET) !== null &&
          persisted.query !== null &&
          !isQueryOperation(persisted.query, data.operationName)
        ) {
          return Response.json(
            {
              errors: [
                {
                  message:
                    'GET으로는 조회(query)만 할 수 있습니다 (only queries over GET; use POST)',
                },
              ],
            },
            { headers: headersWithCors({ headers: new Headers(noStore), req }), status: 405 },
          )
        }
      }
      addLocalesToRequestFromData(req)
      const { schema, validationRules } = payloadGraphQLOf(payload.config)
      const bounds = graphQLBoundsOf(payload.config)
      const headers: Record<string, string> = {}
      let hasErrors = false
      const language = preferredLanguage(request.headers.get('accept-language'))
      const handle = createHandler({
        context: { headers, req },
        // Every error, validation's included, leaves with a stable code (plugins/error-codes).
        formatError: (error) => formatGraphQLError(error, language) as never,
        onOperation: async (_request, args, result) => {
          const extended =
            typeof payload.extensions === 'function'
              ? await payload.extensions({ args, req: _request, result })
              : result
          if (!extended.errors) return extended
          const errors = await Promise.all(
            (result.errors ?? []).map((error) => formatResolverError(error, req)),
          )
          // The errors the answer's body will carry.
          if (errors.length > 0) hasErrors = true
          return { ...extended, errors } as unknown as typeof result
        },
        // Bounded before validation: no rule, Payload's complexity rule included, walks a fan-out of fragments.
        parse: (source) => parseWithinBounds(source, bounds, parseOnce),
        schema,
        validate: validateOnce,
        validationRules: (_request, args, defaultRules) =>
          defaultRules.concat(validationRules(args)),
      })
      let answer: Awaited<ReturnType<typeof handle>>
      try {
        answer = await handle({
          body: original ? () => original.text() : () => jsonBody as never,
          context: undefined,
          headers: request.headers,
          method: request.method,
          raw: request,
          url: request.url,
        })
      } catch (error) {
        // graphql-http throws only for a fault of the server's (execution errors are results).
        payload.logger.error({ err: error, msg: 'GraphQL request failed' })
        answer = [null, { status: 500, statusText: 'Internal Server Error' }]
      }
      const [body, init] = answer
      const responseHeaders = headersWithCors({ headers: new Headers(init.headers), req })
      for (const [name, value] of Object.entries(headers)) responseHeaders.append(name, value)
      const response = new Response(body, {
        headers: req.responseHeaders
          ? mergeHeaders(req.responseHeaders, responseHeaders)
          : responseHeaders,
        status: init.status,
      })
      return hasErrors ? markAnswerWithErrors(response) : response
    } finally {
      // Nothing else removes a temporary upload file of a GraphQL request that wrote no document.
      await unlinkClientUploadTempFile({ req })
    }
  }
