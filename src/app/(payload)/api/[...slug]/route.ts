import config from '@payload-config'
import '@payloadcms/next/css'
import {
  REST_DELETE,
  REST_GET,
  REST_OPTIONS,
  REST_PATCH,
  REST_POST,
  REST_PUT,
} from '@payloadcms/next/routes'

import { withHttpCache } from '../../../../../plugins/http-cache'
import { guardWrites, headFromGet } from '../../../../http'

// Every API answer depends on the request: with the default `auto`, Next.js would wrap each
// request in its static-rendering tracking proxy, which every read it serves measurably pays for.
export const dynamic = 'force-dynamic'
// Reads get ETag/304, Cache-Control and surrogate keys; writes purge through the plugin's hooks.
export const GET = withHttpCache(REST_GET(config))
// Writes: cross-site cookie writes refused (403), bodies over the limit refused (413), see src/http/.
export const POST = guardWrites(REST_POST(config), config)
export const DELETE = guardWrites(REST_DELETE(config), config)
export const PATCH = guardWrites(REST_PATCH(config), config)
export const PUT = guardWrites(REST_PUT(config), config)
export const OPTIONS = REST_OPTIONS(config)
// HEAD: the GET's status and headers, no body (Payload routes by method and has no HEAD endpoints).
export const HEAD = headFromGet(GET)
