import type { CollectionBeforeOperationHook, CollectionSlug, Where } from 'payload'

import { Forbidden } from 'payload'

import { sameId } from '../../../plugins/shared/relationIds'
import { canChangeLiveState, liveStateForbidden } from '../../access/liveState'
import { reporterIdOf } from '../../access/roles'

type WriteArgs = {
  data?: Record<string, unknown>
  draft?: boolean
  id?: number | string
  publishAllLocales?: boolean
  publishSpecificLocale?: string
  unpublishAllLocales?: boolean | string
  where?: Where
}

/**
 * The live-state rule (collections/access/liveState.ts) on every operation that writes: create and
 * duplicate, update by id and in bulk, version restore, delete — over REST, GraphQL, the Local API
 * with `overrideAccess: false`, and scheduled publish jobs (they run as the user who queued them).
 * Access functions cannot do this alone: only the operation's `draft` argument tells a draft save
 * from a write of the live document.
 */
export const enforceLiveStateRule: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  overrideAccess,
  req,
}) => {
  const { user } = req
  // Trusted server code and the desk are not limited; anonymous writes are refused by access.
  if (overrideAccess === true || !user || canChangeLiveState(user)) return args
  const writeArgs = args as WriteArgs
  const data = writeArgs.data ?? {}

  if (operation === 'create') {
    if (
      data._status === 'published' ||
      writeArgs.publishAllLocales ||
      writeArgs.publishSpecificLocale
    )
      throw liveStateForbidden(req, 'publish')
    const reporterId = reporterIdOf(user)
    if (reporterId === null) throw new Forbidden(req.t)
    const reporters = Array.isArray(data.reporters) ? data.reporters : []
    if (!reporters.some((reporter) => sameId(reporter, reporterId)))
      data.reporters = [...reporters, reporterId]
    // Also a duplicate: it would copy the original's published status when not saved as a draft.
    return { ...args, data, draft: true }
  }

  if (operation === 'update') {
    if (
      data._status === 'published' ||
      writeArgs.publishAllLocales ||
      writeArgs.publishSpecificLocale
    )
      throw liveStateForbidden(req, 'publish')
    if (writeArgs.unpublishAllLocales && writeArgs.unpublishAllLocales !== 'false')
      throw liveStateForbidden(req, 'unpublish')
    const reporterId = reporterIdOf(user)
    if (
      'reporters' in data &&
      (reporterId === null ||
        !(
          Array.isArray(data.reporters) &&
          data.reporters.some((reporter) => sameId(reporter, reporterId))
        ))
    ) {
      throw liveStateForbidden(req, 'byline')
    }
    if (writeArgs.draft) return args
    if (data._status === 'draft') {
      // A non-draft save with status "draft" on a published article takes it down: refused, not reinterpreted.
      const target: Where =
        writeArgs.id !== undefined ? { id: { equals: writeArgs.id } } : (writeArgs.where ?? {})
      const published = await req.payload.count({
        collection: collection.slug as CollectionSlug,
        overrideAccess: true,
        req,
        where: { and: [target, { _status: { equals: 'published' } }] },
      })
      if (published.totalDocs > 0) throw liveStateForbidden(req, 'unpublish')
    }
    // Any other save becomes a draft save: the live version stays as it is until the desk publishes.
    return { ...args, draft: true }
  }

  if (operation === 'restoreVersion' && !writeArgs.draft) throw liveStateForbidden(req, 'restore')
  if (operation === 'delete') throw new Forbidden(req.t)
  return args
}
