import type { CollectionSlug, Endpoint } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { articleIdOf, requireReader } from './shared'

/** `GET /api/scraps/articles/:article`: `{ saved, id }` — whether the signed-in reader saved it (the button's state). */
export const scrapStatusEndpoint = (config: SanitizedReadersConfig): Endpoint => ({
  path: '/articles/:article',
  method: 'get',
  handler: async (req) => {
    const reader = requireReader(req, config)
    const article = articleIdOf(req.routeParams?.article)
    const found = await req.payload.find({
      collection: config.scrapsSlug as CollectionSlug,
      where: { and: [{ reader: { equals: reader.id } }, { article: { equals: article } }] },
      depth: 0,
      limit: 1,
      pagination: false,
      overrideAccess: false,
      req,
    })
    const scrap = found.docs[0]
    return Response.json(
      { saved: Boolean(scrap), id: scrap?.id ?? null },
      { headers: { 'cache-control': 'private, no-store' } },
    )
  },
})
