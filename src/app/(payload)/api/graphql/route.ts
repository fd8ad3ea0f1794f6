import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'

import {
  graphQLGetHandler,
  graphQLPost,
  graphQLPostHandler,
  withHttpCache,
} from '../../../../../plugins/http-cache'
import { withGraphQLBounds } from '../../../../../plugins/query-limits'
import { guardWrites, headFromGet } from '../../../../http'

// Always dynamic: see ../[...slug]/route.ts.
export const dynamic = 'force-dynamic'
// Payload's GRAPHQL_POST, parsing and schema-validating each distinct query once.
// Documents are bounded (tokens, nesting, fragment expansion) before validation: plugins/query-limits.
const payloadPost = withGraphQLBounds(graphQLPost(config), config)
// Both take Apollo's automatic persisted queries (a short GET URL a CDN keeps).
// Cross-site cookie requests refused (403), bodies over the limit refused (413), see src/http/.
export const POST = guardWrites(graphQLPostHandler(payloadPost), config)
export const GET = withHttpCache(graphQLGetHandler(payloadPost))
export const OPTIONS = REST_OPTIONS(config)
// HEAD: the GET's status and headers, no body (Payload routes by method and has no HEAD endpoints).
export const HEAD = headFromGet(GET)
