import { parse } from 'graphql'

type PostHandler = (request: Request) => Promise<Response>

const badRequest = (message: string, status = 400) =>
  Response.json({ errors: [{ message }] }, { status, headers: { 'cache-control': 'private, no-store' } })

/**
 * GraphQL over GET (`?query=…&variables=…&operationName=…`), queries only, answered by the
 * POST handler — so that a CDN or the HTTP cache can keep anonymous queries. Mutations over GET
 * are refused (405), as the GraphQL-over-HTTP spec requires.
 */
export const graphQLGetHandler =
  (post: PostHandler): PostHandler =>
  async (request) => {
    const url = new URL(request.url)
    const query = url.searchParams.get('query')
    if (!query) return badRequest('`query` 파라미터가 필요합니다 (the `query` parameter is required)')
    let variables: unknown = undefined
    const rawVariables = url.searchParams.get('variables')
    if (rawVariables) {
      try {
        variables = JSON.parse(rawVariables)
      } catch {
        return badRequest('`variables`가 올바른 JSON이 아닙니다 (`variables` is not valid JSON)')
      }
    }
    const operationName = url.searchParams.get('operationName') ?? undefined
    try {
      const document = parse(query)
      const operations = document.definitions.filter((definition) => definition.kind === 'OperationDefinition')
      const chosen = operationName ? operations.find((operation) => operation.name?.value === operationName) : operations[0]
      if (chosen && chosen.operation !== 'query') return badRequest('GET으로는 조회(query)만 할 수 있습니다 (only queries over GET; use POST)', 405)
    } catch {
      // Leave syntax errors to the GraphQL handler, which reports them in the usual shape.
    }
    const headers = new Headers(request.headers)
    headers.set('content-type', 'application/json')
    headers.delete('content-length')
    return post(new Request(url, { method: 'POST', headers, body: JSON.stringify({ query, variables, operationName }) }))
  }
