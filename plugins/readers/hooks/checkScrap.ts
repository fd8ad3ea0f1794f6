import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { idOf } from '../../shared/relationIds'
import { articleNotFound, findPublicArticle } from '../publicArticle'

export const scrapConflict = (): InputError =>
  new InputError('이미 스크랩한 기사입니다 (this article is saved already)', 'CONFLICT', 409)

/**
 * A new scrap names an article every reader may see (404 otherwise, the same answer as for one
 * that does not exist), and one the reader has not saved yet (409: one scrap per reader and
 * article; the unique index on both catches two saves racing past this check).
 */
export const checkScrap =
  (config: SanitizedReadersConfig): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create') return data
    const article = idOf(data.article)
    const reader = idOf(data.reader)
    if (article === null || !(await findPublicArticle(req, config, article)))
      throw articleNotFound(data.article)
    if (reader === null) return data
    const existing = await req.payload.count({
      collection: config.scrapsSlug as CollectionSlug,
      where: { and: [{ reader: { equals: reader } }, { article: { equals: article } }] },
      overrideAccess: true,
      req,
    })
    if (existing.totalDocs > 0) throw scrapConflict()
    return data
  }
