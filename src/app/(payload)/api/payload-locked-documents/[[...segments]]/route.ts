import config from '@payload-config'
import { REST_OPTIONS } from '@payloadcms/next/routes'
import { handleEndpoints } from 'payload'

import { withLockRule } from '../../../../../../collections/access/withLockRule'
import { guardWrites } from '../../../../../http'

// Always dynamic: see ../../[...slug]/route.ts.
export const dynamic = 'force-dynamic'

// Edit locks: Payload's REST handler behind the lock rule. Next.js prefers this route to the
// catch-all [...slug] for /api/payload-locked-documents[/…].
const handler = withLockRule(config, (request) => handleEndpoints({ config, request }))
export const GET = handler
// Writes as on every other route: CSRF check, body limit, operator keys refused (src/http/).
export const POST = guardWrites(handler, config)
export const PATCH = guardWrites(handler, config)
export const DELETE = guardWrites(handler, config)
export const PUT = guardWrites(handler, config)
export const OPTIONS = REST_OPTIONS(config)
