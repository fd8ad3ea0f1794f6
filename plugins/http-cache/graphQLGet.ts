import { GRAPHQL_OVER_GET, parseOnce } from './graphQLPost'

type PostHandler = (request: Request) => Promise<Response>

const noStore = { 'cache-control': 'private, no-store' }

const badRequest = (message: string, status = 400) =>
  Response.json({ errors: [{ message }] }, { status, headers: noStore })

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
 * GraphQL over GET (`?query=…&variables=…&operationName=…&extensions=…`), queries only, answered
 * by the POST handler — so that nginx or a CDN can keep anonymous queries. Mutations over GET are
 * refused (405), as the GraphQL-over-HTTP spec requires.
 *
 * Automatic persisted queries (Apollo's protocol, `extensions={"persistedQuery":{"version":1,
 * "sha256Hash":"…"}}`): with the hash alone the URL stays short — within any CDN's URL limit, a
 * small cache key. `graphQLPost` resolves the hash from Payload's key-value store, shared by every
 * app process (see persistedQueries.ts).
 */
export const graphQLGetHandler =
  (post: PostHandler): PostHandler =>
  async (request) => {
    const url = new URL(request.url)
    const extensions = parseJson(url.searchParams.get('extensions'))
    if (!extensions.isValid)
      return badRequest('`extensions`가 올바른 JSON이 아닙니다 (`extensions` is not valid JSON)')
    const query = url.searchParams.get('query')
    if (!query && extensions.value === undefined)
      return badRequest('`query` 파라미터가 필요합니다 (the `query` parameter is required)')
    const variables = parseJson(url.searchParams.get('variables'))
    if (!variables.isValid)
      return badRequest('`variables`가 올바른 JSON이 아닙니다 (`variables` is not valid JSON)')
    const operationName = url.searchParams.get('operationName') ?? undefined
    if (query) {
      try {
        const operations = parseOnce(query).definitions.filter(
          (definition) => definition.kind === 'OperationDefinition',
        )
        const chosen = operationName
          ? operations.find((operation) => operation.name?.value === operationName)
          : operations[0]
        if (chosen && chosen.operation !== 'query')
          return badRequest(
            'GET으로는 조회(query)만 할 수 있습니다 (only queries over GET; use POST)',
            405,
          )
      } catch {
        // Leave syntax errors to the GraphQL handler, which reports them in the usual shape.
      }
    }
    const headers = jsonHeaders(request)
    // A hash alone names a query the POST handler resolves: it refuses a mutation then.
    headers.set(GRAPHQL_OVER_GET, '1')
    const body = JSON.stringify({
      query: query || undefined,
      variables: variables.value,
      operationName,
      extensions: extensions.value,
    })
    return post(new Request(url, { method: 'POST', headers, body }))
  }

/**
 * Payload's GraphQL POST handler as the route gives it; persisted queries (see
 * `graphQLGetHandler`) are answered by `graphQLPost` itself. A POST never carries the GET marker.
 */
export const graphQLPostHandler =
  (post: PostHandler): PostHandler =>
  async (request) => {
    if (!request.headers.has(GRAPHQL_OVER_GET)) return post(request)
    const headers = new Headers(request.headers)
    headers.delete(GRAPHQL_OVER_GET)
    return post(new Request(request.url, { method: 'POST', headers, body: await request.text() }))
  }
