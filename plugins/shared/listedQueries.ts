import crypto from 'node:crypto'

/**
 * GraphQL query texts by their SHA-256, known to every GraphQL handler of this process from the
 * start: the queries an allow-list names (plugins/query-limits). A persisted-query request naming
 * one by hash alone is answered at once, on every worker, without the client first sending it.
 */
const listed = new Map<string, string>()

export const listQueries = (queries: readonly string[]): void => {
  for (const query of queries)
    listed.set(crypto.createHash('sha256').update(query).digest('hex'), query)
}

export const listedQuery = (sha256Hex: string): string | undefined => listed.get(sha256Hex)

/**
 * The error code of a GraphQL document its caller may not run at all (plugins/query-limits'
 * allow-list). The project's GraphQL handlers answer it alone, without the document's other errors.
 */
export const QUERY_NOT_ALLOWED = 'QUERY_NOT_ALLOWED'
