import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { ValidationError } from 'payload'

import type { SanitizedRelatedNewsConfig } from '../types'

import { idsOf } from '../../shared/relationIds'
import { hasDrafts } from '../../shared/publication'

/**
 * Editors' picks: no self-links, no duplicates, at most `maxRelated`, and every newly linked
 * article must have room for the link back (reciprocity is never silently broken).
 */
export const validateRelatedLinks =
  (config: SanitizedRelatedNewsConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!config.enabled || !('relatedArticles' in data)) return data
    const fail = (message: string) => {
      throw new ValidationError({
        collection: collection.slug,
        errors: [{ message, path: 'relatedArticles' }],
        req,
      })
    }
    const picks = [...new Map(idsOf(data.relatedArticles).map((id) => [String(id), id])).values()]
    if (
      originalDoc?.id !== undefined &&
      picks.some((id) => String(id) === String(originalDoc.id))
    ) {
      fail('자기 자신을 관련뉴스로 걸 수 없습니다 (an article cannot be related to itself)')
    }
    if (picks.length > config.maxRelated) {
      fail(
        `관련뉴스는 ${config.maxRelated}건까지입니다 (at most ${config.maxRelated} related articles)`,
      )
    }
    const before = new Set(idsOf(originalDoc?.relatedArticles).map(String))
    const added = picks.filter((id) => !before.has(String(id)))
    if (added.length > 0) {
      const targets = await req.payload.find({
        collection: collection.slug as CollectionSlug,
        depth: 0,
        draft: hasDrafts(collection),
        limit: added.length,
        overrideAccess: true,
        pagination: false,
        req,
        select: { relatedArticles: true } as never,
        where: { id: { in: added } },
      })
      const found = new Map(
        (targets.docs as unknown as Record<string, unknown>[]).map((doc) => [String(doc.id), doc]),
      )
      for (const id of added) {
        const target = found.get(String(id))
        if (!target) fail(`관련뉴스 ${id}번 기사를 찾을 수 없습니다 (no article ${id})`)
        if (idsOf(target!.relatedArticles).length >= config.maxRelated) {
          fail(
            `${id}번 기사의 관련뉴스가 이미 ${config.maxRelated}건이라 되걸 수 없습니다 (article ${id} is full)`,
          )
        }
      }
    }
    data.relatedArticles = picks
    return data
  }
