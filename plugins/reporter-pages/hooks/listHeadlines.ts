import type { CollectionAfterReadHook, CollectionSlug } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { buildHeadlines, headlineSelect } from '../../shared/headline'
import { loadByIds } from '../../shared/loadByIds'
import { idOf } from '../../shared/relationIds'

type Doc = Record<string, unknown>

/**
 * The reporter page over REST lists the headline shape (plugins/shared/headline.ts), as `related`
 * and `adjacent` do, at every `depth`: the join's ids (depth 0) or populated articles are made
 * into headlines in one batched read. GraphQL's `articles` are `Article`, the same names; the
 * Local API (the admin's join table) keeps Payload's own values.
 */
export const listHeadlines =
  (config: SanitizedReporterPagesConfig): CollectionAfterReadHook =>
  async ({ doc, req }) => {
    const join = (doc as Doc | undefined)?.[config.joinField] as undefined | { docs?: unknown[] }
    if (req.payloadAPI !== 'REST' || !Array.isArray(join?.docs) || join.docs.length === 0)
      return doc
    const articles = req.payload.collections[config.articles as CollectionSlug]?.config
    if (!articles) return doc
    const ids = join.docs.map(idOf).filter((id): id is number | string => id !== null)
    const read = await loadByIds(req, config.articles, ids, headlineSelect(articles), {
      shouldSkipReadHooks: true,
    })
    const listed = ids.flatMap((id) => {
      const article = read.get(String(id))
      return article ? [article] : []
    })
    join.docs = await buildHeadlines(req, listed)
    return doc
  }
