import crypto from 'node:crypto'

import { listedQuery } from '../shared/listedQueries'
import { parseOnce } from './graphQLPost'
import { shareWithSiblingWorkers, takeFromSiblingWorkers } from './workers'

type PostHandler = (request: Request) => Promise<Response>

const noStore = { 'cache-control': 'private, no-store' }

const badRequest = (message: string, status = 400) => Response.json({ errors: [{ message }] }, { status, headers: noStore })

/** Persisted queries this process has seen, by SHA-256; bounded, oldest out first. */
const persistedQueries = new Map<string, string>()
const MAX_PERSISTED_QUERIES = 1000
const MAX_PERSISTED_QUERY_CHARS = 20_000

const sha256Hex = (query: string): string => crypto.createHash('sha256').update(query).digest('hex')

const rememberQuery = (hash: string, query: string) => {
  persistedQueries.delete(hash)
  persistedQueries.set(hash, query)
  for (const oldest of persistedQueries.keys()) {
    if (persistedQueries.size <= MAX_PERSISTED_QUERIES) break
    persistedQueries.delete(oldest)
  }
}

// Every web worker of a cluster knows a query once any of them was sent it: the client's next
// request, by hash alone, may reach another worker.
const PERSISTED_QUERY_TOPIC = 'graphql-persisted-query'
takeFromSiblingWorkers(PERSISTED_QUERY_TOPIC, (value) => {
  const { hash, query } = (value ?? {}) as { hash?: unknown; query?: unknown }
  if (typeof hash === 'string' && typeof query === 'string' && sha256Hex(query) === hash) rememberQuery(hash, query)
})

/**
 * Apollo's automatic persisted queries: the query of a request that names one by its hash
 * (`extensions.persistedQuery.sha256Hash`) — registering it when the request also sends it, after
 * checking the hash — or the answer to give instead. Without the extension, the query as sent.
 */
const resolvePersistedQuery = (query: null | string | undefined, extensions: unknown): Response | null | string => {
  const persisted = (extensions as { persistedQuery?: { sha256Hash?: unknown } } | null | undefined)?.persistedQuery
  if (persisted === undefined) return query ?? null
  const hash = persisted?.sha256Hash
  if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return badRequest('`extensions.persistedQuery.sha256Hash`가 올바르지 않습니다 (not a SHA-256 in hex)')
  if (query) {
    if (sha256Hex(query) !== hash) return badRequest('provided sha does not match query')
    if (query.length <= MAX_PERSISTED_QUERY_CHARS && persistedQueries.get(hash) !== query) {
      rememberQuery(hash, query)
      shareWithSiblingWorkers(PERSISTED_QUERY_TOPIC, { hash, query })
    }
    return query
  }
  // Never cached: the next request may register the query.
  return persistedQueries.get(hash) ?? listedQuery(hash) ?? Response.json({ errors: [{ message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } }] }, { headers: noStore })
}

/** The request's headers for a JSON body of another length. */
const jsonHeaders = (request: Request): Headers => {
  const headers = new Headers(request.headers)
  headers.set('content-type', 'application/json')
  headers.delete('content-length')
  return headers
}

const parseJson = (raw: null | string): { value?: unknown; isValid: boolean } => {
  if (!raw) return { isValid: true }
  try {
    return { value: JSON.parse(raw), isValid: true }
  } catch {
    return { isValid: false }
  }
}

/**
 * GraphQL over GET (`?query=…&variables=…&operationName=…`), queries only, answered by the
 * POST handler — so that a CDN or the HTTP cache can keep anonymous queries. Mutations over GET
 * are refused (405), as the GraphQL-over-HTTP spec requires.
 *
 * Automatic persisted queries (Apollo's protocol, `extensions={"persistedQuery":{"version":1,
 * "sha256Hash":"…"}}`): with the hash alone the URL stays short — within any CDN's URL limit, a
 * small cache key; a hash this process does not know yet answers `PersistedQueryNotFound`, and the
 * client repeats the request with the query (over GET or POST, see `graphQLPostHandler`), whose
 * hash is checked. Kept in memory (at most 1,000 queries), shared by the web workers of a cluster,
 * so anonymous clients cannot grow the database with them.
 */
export const graphQLGetHandler =
  (post: PostHandler): PostHandler =>
  async (request) => {
    const url = new URL(request.url)
    const extensions = parseJson(url.searchParams.get('extensions'))
    if (!extensions.isValid) return badRequest('`extensions`가 올바른 JSON이 아닙니다 (`extensions` is not valid JSON)')
    const query = resolvePersistedQuery(url.searchParams.get('query'), extensions.value)
    if (query instanceof Response) return query
    if (!query) return badRequest('`query` 파라미터가 필요합니다 (the `query` parameter is required)')
    const variables = parseJson(url.searchParams.get('variables'))
    if (!variables.isValid) return badRequest('`variables`가 올바른 JSON이 아닙니다 (`variables` is not valid JSON)')
    const operationName = url.searchParams.get('operationName') ?? undefined
    try {
      const document = parseOnce(query)
      const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition')
      const chosen = operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0]
      if (chosen && chosen.operation !== 'query') return badRequest('GET으로는 조회(query)만 할 수 있습니다 (only queries over GET; use POST)', 405)
    } catch {
      // Leave syntax errors to the GraphQL handler, which reports them in the usual shape.
    }
    return post(new Request(url, { method: 'POST', headers: jsonHeaders(request), body: JSON.stringify({ query, variables: variables.value, operationName }) }))
  }

/**
 * Payload's GraphQL POST handler, also taking Apollo's automatic persisted queries (see
 * `graphQLGetHandler`): a hash alone is answered from the queries this process knows, a hash with
 * its query registers it. Any other body goes to Payload as sent.
 */
export const graphQLPostHandler =
  (post: PostHandler): PostHandler =>
  async (request) => {
    if (!request.headers.get('content-type')?.includes('application/json')) return post(request)
    const text = await request.text()
    const forward = (body: string) => post(new Request(request.url, { method: 'POST', headers: jsonHeaders(request), body }))
    if (!text.includes('persistedQuery')) return forward(text)
    const parsed = parseJson(text).value as { extensions?: unknown; query?: string } | undefined
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed) || !parsed.extensions) return forward(text)
    const query = resolvePersistedQuery(parsed.query, parsed.extensions)
    if (query instanceof Response) return query
    return forward(JSON.stringify({ ...parsed, query }))
  }
