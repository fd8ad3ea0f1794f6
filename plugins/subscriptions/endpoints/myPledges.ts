import type { CollectionSlug, Endpoint } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { readerOf } from '../../shared/readerClient'
import { presentPledges } from './present'

/** `GET /api/pledges/mine`: the signed-in reader's pledges, newest first (at most 100). */
export const myPledgesEndpoint = (config: SanitizedSubscriptionsConfig): Endpoint => ({
  path: '/mine',
  method: 'get',
  handler: async (req) => {
    const reader = readerOf(req, config.readers)
    if (!reader)
      throw new InputError('독자 로그인이 필요합니다 (sign in as a reader)', 'UNAUTHORIZED', 401)
    const found = await req.payload.find({
      collection: config.pledgesSlug as CollectionSlug,
      where: { reader: { equals: String(reader.id) } },
      sort: '-createdAt',
      depth: 0,
      limit: 100,
      overrideAccess: true,
      req,
    })
    return Response.json({
      docs: await presentPledges(config, req, found.docs as unknown as Record<string, unknown>[]),
      totalDocs: found.totalDocs,
    })
  },
})
