import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { withLockRule } from '../../../../../../collections/access/withLockRule'

// Always dynamic: see ../../[...slug]/route.ts.
export const dynamic = 'force-dynamic'

// Edit locks: Payload's REST handler behind the lock rule. Next.js prefers this route to the
// catch-all [...slug] for /api/payload-locked-documents[/…].
const handler = withLockRule(config, (request) => handleEndpoints({ config, request }))
export const GET = handler
export const POST = handler
export const PATCH = handler
export const DELETE = handler
export const PUT = handler
export const OPTIONS = REST_OPTIONS(config)
