import '@payloadcms/next/css'

import { restHandlers } from '../restHandlers'

// Every API answer depends on the request: with the default `auto`, Next.js would wrap each
// request in its static-rendering tracking proxy, which a cached read measurably pays for.
export const dynamic = 'force-dynamic'
export const { DELETE, GET, OPTIONS, PATCH, POST, PUT } = restHandlers()
