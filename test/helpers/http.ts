import type { Payload } from 'payload'

import { graphQLPost, withHttpCache } from '../../plugins/http-cache'
import { cacheState } from '../../plugins/http-cache/cacheState'
import { handleEndpoints } from 'payload'

export type RequestOptions = {
  body?: unknown
  formData?: FormData
  headers?: Record<string, string>
  token?: string
}

export type ApiResponse<T = any> = { body: T; headers: Headers; status: number; text: string }

const parse = async <T>(response: Response): Promise<ApiResponse<T>> => {
  const text = await response.text()
  let body: T
  try {
    body = JSON.parse(text) as T
  } catch {
    body = text as unknown as T
  }
  return { body, headers: response.headers, status: response.status, text }
}

const buildRequest = (method: string, path: string, options: RequestOptions): Request => {
  const headers = new Headers(options.headers)
  if (options.token) headers.set('authorization', `JWT ${options.token}`)
  let body: BodyInit | undefined
  if (options.formData) body = options.formData
  else if (options.body !== undefined) {
    headers.set('content-type', 'application/json')
    body = JSON.stringify(options.body)
  }
  return new Request(`http://localhost${path}`, { body, headers, method })
}

/**
 * The same REST and GraphQL paths a frontend uses, through the app's route handlers (Payload's
 * `handleEndpoints` for REST, the GraphQL route's `graphQLPost`), without a mock in between.
 */
export const apiClient = (payload: Payload) => {
  const config = payload.config
  const graphqlPost = graphQLPost(config)
  return {
    rest: async <T = any>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> =>
      parse<T>(await handleEndpoints({ config, request: buildRequest(method, `/api${path}`, options) })),
    graphql: async <T = any>(query: string, variables?: Record<string, unknown>, token?: string): Promise<ApiResponse<T>> =>
      parse<T>(await graphqlPost(buildRequest('POST', '/api/graphql', { body: { query, variables }, token }))),
    login: async (email: string, password: string): Promise<string> => {
      const result = await payload.login({ collection: 'users', data: { email, password } })
      if (!result.token) throw new Error(`login failed for ${email}`)
      return result.token
    },
  }
}

/** An anonymous reader going through the app's caching: `withHttpCache` over Payload's REST handler. */
export const cachedReader = (payload: Payload) => {
  const handler = withHttpCache((request: Request) => handleEndpoints({ config: payload.config, request }))
  return (path: string) => handler(new Request(`http://localhost/api${path}`))
}

/**
 * Runs `check` with the memory copies kept a minute, so that only a purge, not a copy expiring on
 * a slow machine, can turn a read into a miss.
 */
export const keepingMemoryCopies = async <T>(check: () => Promise<T>): Promise<T> => {
  const config = cacheState().config!
  const lifetime = config.memoryTtlMs
  config.memoryTtlMs = 60_000
  try {
    return await check()
  } finally {
    config.memoryTtlMs = lifetime
  }
}
