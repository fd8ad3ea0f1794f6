import type { CollectionBeforeDeleteHook } from 'payload'

import { APIError } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { findReferencing } from '../../shared/findReferencing'

/** Deleting a reporter would silently strip bylines from published news; reassign first. */
export const preventOrphanedArticles =
  (config: SanitizedReporterPagesConfig): CollectionBeforeDeleteHook =>
  async ({ id, req }) => {
    if (!config.enabled) return
    const totalDocs = (
      await findReferencing({ collection: config.articles, field: config.bylineField, id, req })
    ).length
    if (totalDocs > 0) {
      throw new APIError(
        `이 기자의 기사 ${totalDocs}건이 있어 삭제할 수 없습니다. 먼저 다른 기자에게 넘기거나 비활성화하세요 (reporter has ${totalDocs} article(s): reassign them with POST /api/${config.reporters}/${id}/reassign or deactivate the reporter)`,
        409,
        { articles: totalDocs },
        true,
      )
    }
  }
