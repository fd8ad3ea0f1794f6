import type { Endpoint } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { WindowLimiter } from '../shared/requestLimits'
import type { SanitizedArticleViewsConfig } from './types'

import { findPublicDocument } from '../shared/counterWrites'
import { buildHeadlines } from '../shared/headline'
import { InputError } from '../shared/inputError'
import { idOf } from '../shared/relationIds'
import {
  browserKeyOf,
  isBotAgent,
  rateLimitedResponse,
  readerAddressOf,
  routeIdOf,
} from '../shared/readerClient'
import { countViewOnce } from './counting'
import { findMostRead, parseMostReadArgs } from './mostRead'

const notFound = () => new InputError('기사를 찾을 수 없습니다 (not found)', 'NOT_FOUND', 404)
const counted = () => new Response(null, { status: 204, headers: { 'cache-control': 'no-store' } })

/**
 * `POST /api/<collection>/:id/view` → 204. Counts a view of a published, public document: once per
 * browser (its `x-reader-token`, else its address and User-Agent) per `dedupeSeconds`; bots
 * answered 204 and not counted; nothing written to the database (countViewOnce).
 */
export const viewEndpoint = (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
  perAddress: WindowLimiter,
): Endpoint => {
  return {
    path: '/:id/view',
    method: 'post',
    handler: async (req) => {
      const id = routeIdOf(req, config.collection)
      if (id === undefined) throw notFound()
      // Before any read: a crawler costs nothing (and learns nothing: every id answers 204).
      if (isBotAgent(req.headers.get('user-agent'), config.botPatterns)) return counted()
      const browser = browserKeyOf(req, config.trustedProxies)
      const retryAfter = await perAddress.consume(readerAddressOf(req, config.trustedProxies))
      if (retryAfter) return rateLimitedResponse(req, retryAfter)
      const doc = await findPublicDocument(req, config.collection, id, {
        [config.sectionField]: true,
      })
      if (!doc) throw notFound()
      const section = idOf(doc[config.sectionField])
      await countViewOnce(config, store, req, {
        browser,
        id,
        section: section === null ? null : String(section),
      })
      return counted()
    },
  }
}

/**
 * `GET /api/<collection>/most-read?section=<id or slug>&window=24h|7d&limit=` → `{ docs }`, each
 * the headline shape with `viewCount` (the stored total) and `views` (in the window). Anonymous
 * answers are shared-cacheable (the http-cache plugin's headers, as for any collection read).
 */
export const mostReadEndpoint = (
  config: SanitizedArticleViewsConfig,
  store: CounterStore,
): Endpoint => ({
  path: '/most-read',
  method: 'get',
  handler: async (req) => {
    const query = (req.query ?? {}) as Record<string, unknown>
    const args = await parseMostReadArgs(config, req, {
      limit: query.limit,
      section: query.section,
      window: query.window,
    })
    const docs = await findMostRead(config, store, req, args)
    const headlines = await buildHeadlines(req, docs, {
      media: config.media,
      sections: config.sections,
    })
    return Response.json({
      window: args.window,
      section: args.section,
      docs: headlines.map((headline, index) => ({
        ...headline,
        viewCount: Number(docs[index]![config.field] ?? 0),
        views: docs[index]!.views,
      })),
    })
  },
})
