import type { CollectionBeforeOperationHook, CollectionSlug, Where } from 'payload'

import { Forbidden } from 'payload'

import { sameId } from '../../../plugins/shared/relationIds'
import { hasRole, reporterIdOf } from '../../access/roles'

type OperationArgs = {
  data?: Record<string, unknown>
  draft?: boolean
  id?: number | string
  where?: Where
}

/**
 * What access functions cannot see: whether an update is a draft save or an unpublish (only the
 * operation's `draft` argument tells), and that a reporter's new article carries their byline.
 */
export const guardReporterRights: CollectionBeforeOperationHook = async ({ args, collection, operation, req }) => {
  const { user } = req
  if (!user || hasRole(user, 'admin', 'editor') || !hasRole(user, 'reporter')) return args
  const { data, draft, id, where } = args as OperationArgs

  if (operation === 'create' && data) {
    const reporterId = reporterIdOf(user)
    if (reporterId === null) throw new Forbidden(req.t)
    const reporters = Array.isArray(data.reporters) ? data.reporters : []
    if (!reporters.some((reporter) => sameId(reporter, reporterId))) {
      data.reporters = [...reporters, reporterId]
    }
  }

  if (operation === 'update' && data && !draft && data._status === 'draft') {
    // A non-draft save with status "draft" on a published article is an unpublish.
    const target: Where = id !== undefined ? { id: { equals: id } } : (where ?? {})
    const published = await req.payload.count({
      collection: collection.slug as CollectionSlug,
      overrideAccess: true,
      req,
      where: { and: [target, { _status: { equals: 'published' } }] },
    })
    if (published.totalDocs > 0) throw new Forbidden(req.t)
  }
  return args
}
