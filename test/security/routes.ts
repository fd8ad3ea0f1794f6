import type { Payload } from 'payload'

import { handleEndpoints } from 'payload'

import {
  graphQLGetHandler,
  graphQLPost,
  graphQLPostHandler,
  withHttpCache,
} from '../../plugins/http-cache'
import { guardWrites } from '../../src/http'

export type AppRoutes = {
  /** GraphQL GET (cached), as src/app/(payload)/api/graphql/route.ts exports it. */
  graphqlGet: (request: Request) => Promise<Response>
  /** GraphQL POST, guarded as the route exports it. */
  graphqlPost: (request: Request) => Promise<Response>
  /** REST: GET cached, every other method guarded, as src/app/(payload)/api/[...slug]/route.ts exports them. */
  rest: (request: Request) => Promise<Response>
}

/**
 * The app's route handlers, wrapped as the route files wrap them, around Payload's own handlers
 * (`handleEndpoints` for REST, as Payload's REST_* do; the GraphQL route's `graphQLPost`). The
 * route modules themselves import Next.js CSS and the app's config, which vitest cannot load.
 */
export const appRoutes = (payload: Payload): AppRoutes => {
  const config = payload.config
  const rest = (request: Request) => handleEndpoints({ config, request })
  const cachedRest = withHttpCache(rest)
  const guardedRest = guardWrites(rest, config)
  const payloadPost = graphQLPost(config)
  return {
    graphqlGet: withHttpCache(graphQLGetHandler(payloadPost)),
    graphqlPost: guardWrites(graphQLPostHandler(payloadPost), config),
    rest: (request) =>
      request.method === 'GET' || request.method === 'HEAD'
        ? cachedRest(request)
        : guardedRest(request),
  }
}

/** The `name=value` pair of the session cookie a login answered with (its Set-Cookie). */
export const sessionCookieOf = (
  response: Response,
  name = 'payload-token',
): { attributes: string; pair: string; value: string } => {
  const header = response.headers.getSetCookie().find((cookie) => cookie.startsWith(`${name}=`))
  if (!header) throw new Error(`no ${name} cookie in the answer (status ${response.status})`)
  const [pair, ...attributes] = header.split(';')
  return { attributes: attributes.join(';'), pair: pair!, value: pair!.slice(name.length + 1) }
}
