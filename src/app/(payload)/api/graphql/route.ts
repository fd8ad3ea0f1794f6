import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { graphQLGetHandler, withHttpCache } from '../../../../../plugins/http-cache'

// Always dynamic: see ../[...slug]/route.ts.
export const dynamic = 'force-dynamic'
export const POST = GRAPHQL_POST(config)
export const GET = withHttpCache(graphQLGetHandler(POST))
export const OPTIONS = REST_OPTIONS(config)
