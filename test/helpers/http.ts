import type { Payload } from 'payload'

import { graphQLPost, withHttpCache } from '../../plugins/http-cache'
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
    rest: async <T = any>(
      method: string,
      path: string,
      options: RequestOptions = {},
    ): Promise<ApiResponse<T>> =>
      parse<T>(
        await handleEndpoints({ config, request: buildRequest(method, `/api${path}`, options) }),
      ),
    graphql: async <T = any>(
      query: string,
      variables?: Record<string, unknown>,
      token?: string,
    ): Promise<ApiResponse<T>> =>
      parse<T>(
        await graphqlPost(
          buildRequest('POST', '/api/graphql', { body: { query, variables }, token }),
        ),
      ),
    login: async (email: string, password: string): Promise<string> => {
      const result = await payload.login({ collection: 'users', data: { email, password } })
      if (!result.token) throw new Error(`login failed for ${email}`)
      return result.token
    },
  }
}

/** An anonymous reader going through the app's caching headers: `withHttpCache` over Payload's REST handler. */
export const cachedReader = (payload: Payload) => {
  const handler = withHttpCache((request: Request) =>
    handleEndpoints({ config: payload.config, request }),
  )
  return (path: string, headers: Record<string, string> = {}) =>
    handler(new Request(`http://localhost/api${path}`, { headers }))
}

/**
 * What a shared cache revalidating its copy of `path` (by `If-None-Match`) gets: `304` while the
 * app would answer the same bytes, the new answer once something it shows changed.
 */
export const revalidate = async (
  read: ReturnType<typeof cachedReader>,
  path: string,
  etag: string,
) => read(path, { 'if-none-match': etag })
