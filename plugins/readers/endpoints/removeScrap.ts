import type { CollectionSlug, Endpoint } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { articleIdOf, requireReader } from './shared'

/**
 * `DELETE /api/scraps/articles/:article`: takes the article off the signed-in reader's scraps.
 * Idempotent: `{ removed: 0 }` when it was not saved. (`DELETE /api/scraps/:id`, Payload's own,
 * removes one scrap by its id, the reader's own only.)
 */
export const removeScrapEndpoint = (config: SanitizedReadersConfig): Endpoint => ({
  path: '/articles/:article',
  method: 'delete',
  handler: async (req) => {
    const reader = requireReader(req, config)
    const article = articleIdOf(req.routeParams?.article)
    const result = await req.payload.delete({
      collection: config.scrapsSlug as CollectionSlug,
      where: { and: [{ reader: { equals: reader.id } }, { article: { equals: article } }] },
      depth: 0,
      overrideAccess: false,
      req,
    })
    if (result.errors.length) throw new Error(result.errors[0]!.message)
    return Response.json(
      { removed: result.docs.length },
      { headers: { 'cache-control': 'private, no-store' } },
    )
  },
})
