import type { CollectionSlug, Endpoint } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { articleNotFound, findPublicArticle } from '../publicArticle'
import { articleIdOf, jsonBody, presentScraps, requireReader } from './shared'

type Doc = Record<string, unknown> & { id: number | string }

/**
 * `POST /api/scraps` `{ "article": <id> }`: saves the article for the signed-in reader. Saving it
 * again changes nothing: 201 with the new scrap, 200 with the one there was. 404 for an article
 * that is not published (or does not exist), 401/403 for anyone but a reader.
 */
export const saveScrapEndpoint = (config: SanitizedReadersConfig): Endpoint => ({
  path: '/',
  method: 'post',
  handler: async (req) => {
    const reader = requireReader(req, config)
    const article = articleIdOf((await jsonBody(req)).article)
    if (!(await findPublicArticle(req, config, article))) throw articleNotFound(article)
    const existing = async () =>
      (
        await req.payload.find({
          collection: config.scrapsSlug as CollectionSlug,
          where: { and: [{ reader: { equals: reader.id } }, { article: { equals: article } }] },
          depth: 0,
          limit: 1,
          pagination: false,
          overrideAccess: false,
          req,
        })
      ).docs[0] as unknown as Doc | undefined
    let scrap = await existing()
    let status = 200
    if (!scrap) {
      try {
        scrap = (await req.payload.create({
          collection: config.scrapsSlug as CollectionSlug,
          data: { article, reader: reader.id } as never,
          depth: 0,
          overrideAccess: false,
          req,
        })) as unknown as Doc
        status = 201
      } catch (error) {
        // Another save of the same article won the race (409 here, the unique index there).
        scrap = await existing()
        if (!scrap) throw error
      }
    }
    const [doc] = await presentScraps(req, config, [scrap])
    return Response.json({ doc }, { status, headers: { 'cache-control': 'private, no-store' } })
  },
})
