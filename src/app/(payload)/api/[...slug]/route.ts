import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withHttpCache } from '../../../../../plugins/http-cache'

// GETs get ETag/304, Cache-Control and surrogate keys; writes purge the cache once committed.
export const GET = withHttpCache(REST_GET(config))
export const POST = withHttpCache(REST_POST(config))
export const DELETE = withHttpCache(REST_DELETE(config))
export const PATCH = withHttpCache(REST_PATCH(config))
export const PUT = withHttpCache(REST_PUT(config))
export const OPTIONS = REST_OPTIONS(config)
