import config from '@payload-config'
import { GRAPHQL_POST, REST_OPTIONS } from '@payloadcms/next/routes'

import { graphQLGetHandler, withHttpCache } from '../../../../../plugins/http-cache'

const post = GRAPHQL_POST(config)

export const GET = withHttpCache(graphQLGetHandler(post))
export const POST = withHttpCache(post)
export const OPTIONS = REST_OPTIONS(config)
