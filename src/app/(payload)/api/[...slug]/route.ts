import config from '@payload-config'
import '@payloadcms/next/css'
import { REST_DELETE, REST_GET, REST_OPTIONS, REST_PATCH, REST_POST, REST_PUT } from '@payloadcms/next/routes'

import { withHttpCache } from '../../../../../plugins/http-cache'
import { publishApiReadHandlers } from '../../../../apiReads'

// Every API answer depends on the request: with the default `auto`, Next.js would wrap each
// request in its static-rendering tracking proxy, which every read it serves measurably pays for.
export const dynamic = 'force-dynamic'
// Reads get ETag/304, Cache-Control and surrogate keys; writes purge through the plugin's hooks.
export const GET = withHttpCache(REST_GET(config))
export const POST = REST_POST(config)
export const DELETE = REST_DELETE(config)
export const PATCH = REST_PATCH(config)
export const PUT = REST_PUT(config)
export const OPTIONS = REST_OPTIONS(config)
// `npm start` sends reads straight to GET, past Next.js's router (src/apiReads.ts).
publishApiReadHandlers({ rest: GET })
