import type { CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import { ValidationError } from 'payload'

import type { SanitizedReporterPagesConfig } from '../types'

import { idsOf } from '../../shared/relationIds'

/**
 * A published article names at least one active reporter: published stories had `byline: ""`.
 * Drafts may be bylined later. A reporter who has since been deactivated stays on what they wrote,
 * but cannot be the only name on a story that is published (again). Checked on every path that
 * saves (REST, GraphQL, the admin, scheduled publishing), with a 400 naming the field.
 */
export const requireActiveByline =
  (config: SanitizedReporterPagesConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, originalDoc, req }) => {
    if (!config.enabled) return data
    const status = (data._status ?? originalDoc?._status) as string | undefined
    // A collection without drafts publishes every save.
    if (collection.versions?.drafts && status !== 'published') return data
    const field = config.bylineField
    const ids = idsOf(field in data ? data[field] : originalDoc?.[field])
    const reporters = req.payload.collections[config.reporters as CollectionSlug]?.config
    const hasActiveField = reporters?.flattenedFields.some(
      (candidate) => candidate.name === 'active',
    )
    const found =
      ids.length === 0
        ? []
        : (
            await req.payload.find({
              collection: config.reporters as CollectionSlug,
              depth: 0,
              limit: ids.length,
              overrideAccess: true,
              pagination: false,
              req,
              select: hasActiveField ? { active: true } : { id: true },
              where: { id: { in: ids } },
            })
          ).docs
    // Unset counts as active (a checkbox added later, a document made before it).
    const active = found.filter(
      (reporter) => (reporter as { active?: boolean | null }).active !== false,
    ).length
    if (active > 0) return data
    throw new ValidationError(
      {
        collection: collection.slug,
        errors: [
          {
            message:
              ids.length === 0
                ? '발행하려면 기자를 한 명 이상 지정하세요 (name at least one reporter to publish)'
                : '발행하려면 활동 중인 기자가 한 명 이상 있어야 합니다 (at least one reporter must be active to publish)',
            path: field,
          },
        ],
        id: originalDoc?.id,
      },
      req.t,
    )
  }
