import type { CollectionSlug, Endpoint } from 'payload'

import { APIError } from 'payload'

import { canManageChannels } from '../access'
import { generateSecret } from '../signing'
import { findRouteDocument } from './routeDocument'

/**
 * `POST /api/distribution-channels/:id/rotate-secret` `{ "overlapHours": 24 }`: a new secret,
 * shown once in the response; during the overlap every delivery carries both signatures so
 * receivers can switch without missing a message.
 */
export const rotateSecretEndpoint = (): Endpoint => ({
  path: '/:id/rotate-secret',
  method: 'post',
  handler: async (req) => {
    if (!(await canManageChannels({ req })))
      throw new APIError('관리자만 할 수 있습니다 (admins only)', 403, null, true)
    const body = (req.json ? await req.json().catch(() => ({})) : {}) as { overlapHours?: number }
    const overlapHours = body.overlapHours ?? 24
    if (!(overlapHours >= 0 && overlapHours <= 24 * 30))
      throw new APIError('overlapHours must be between 0 and 720', 400, null, true)
    const slug = 'distribution-channels' as CollectionSlug
    const channel = await findRouteDocument<{ secret?: string }>(req, slug, {
      showHiddenFields: true,
    })
    const secret = generateSecret()
    await req.payload.update({
      collection: slug,
      id: req.routeParams?.id as never,
      data: {
        secret,
        previousSecret: channel.secret,
        previousSecretExpiresAt: new Date(Date.now() + overlapHours * 3600 * 1000).toISOString(),
      } as never,
      overrideAccess: true,
      req,
    })
    return Response.json({ secret, overlapHours })
  },
})
