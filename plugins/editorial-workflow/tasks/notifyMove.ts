import type {
  CollectionSlug,
  Field,
  FlattenedField,
  PayloadRequest,
  TaskConfig,
  Where,
} from 'payload'

import type { SanitizedEditorialWorkflowConfig, WorkflowMove, WorkflowMoveArgs } from '../types'

import { idOf, idsOf, sameId } from '../../shared/relationIds'
import { resolveApiOrigin } from '../../shared/siteLinks'
import { moveMessage } from '../notifications'

export const NOTIFY_TASK = 'notifyWorkflowMove'

export type NotifyInput = {
  /** When the move was saved (ISO). */
  at: string
  collection: string
  id: string
  move: WorkflowMove
}

const DESK_ROLES = ['editor', 'admin']

const hasField = (fields: FlattenedField[] | undefined, name: string): boolean =>
  Boolean(fields?.some((field) => field.name === name))

const relationToOf = (fields: FlattenedField[] | undefined, name: string): null | string => {
  const field = fields?.find((candidate) => candidate.name === name) as
    (Field & { relationTo?: unknown }) | undefined
  return typeof field?.relationTo === 'string' ? field.relationTo : null
}

/**
 * 송고 → the desk (users with role editor or admin); 반려, 승인 → the users of the byline's active
 * reporters (a user's `reporter` or a reporter's `user`). A users collection with an `active` field
 * gets its inactive accounts left out. The mover is never told of their own move.
 */
export const defaultRecipients = async ({
  collection,
  doc,
  move,
  req,
}: WorkflowMoveArgs): Promise<string[]> => {
  const { payload } = req
  const usersSlug = payload.config.admin.user as CollectionSlug
  const userFields = payload.collections[usersSlug]?.config.flattenedFields
  const onlyActive: Where[] = hasField(userFields, 'active')
    ? [{ active: { not_equals: false } }]
    : []
  let who: Where
  if (move.to === 'filed') {
    if (!hasField(userFields, 'roles')) return []
    who = { roles: { in: DESK_ROLES } }
  } else if (move.to === 'returned' || move.to === 'approved') {
    const reportersSlug = relationToOf(
      payload.collections[collection as CollectionSlug]?.config.flattenedFields,
      'reporters',
    )
    const byline = idsOf(doc.reporters)
    if (!reportersSlug || byline.length === 0) return []
    const reporterFields =
      payload.collections[reportersSlug as CollectionSlug]?.config.flattenedFields
    const reporters = (
      await payload.find({
        collection: reportersSlug as CollectionSlug,
        depth: 0,
        limit: 0,
        overrideAccess: true,
        pagination: false,
        req,
        where: {
          and: [
            { id: { in: byline } },
            ...(hasField(reporterFields, 'active') ? [{ active: { not_equals: false } }] : []),
          ],
        },
      })
    ).docs as unknown as Record<string, unknown>[]
    const reporterIds = reporters.map((reporter) => idOf(reporter.id)!)
    const linkedUsers = reporters.map((reporter) => idOf(reporter.user)).filter((id) => id !== null)
    const either: Where[] = [
      ...(hasField(userFields, 'reporter') && reporterIds.length
        ? [{ reporter: { in: reporterIds } }]
        : []),
      ...(linkedUsers.length ? [{ id: { in: linkedUsers } }] : []),
    ]
    if (either.length === 0) return []
    who = { or: either }
  } else {
    return []
  }
  const users = (
    await payload.find({
      collection: usersSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [who, ...onlyActive] },
    })
  ).docs as { email?: null | string; id: number | string }[]
  return [
    ...new Set(
      users
        .filter((user) => move.byId === null || !sameId(user.id, move.byId))
        .flatMap((user) => (user.email ? [user.email] : [])),
    ),
  ]
}

const documentId = (req: PayloadRequest, id: string): number | string =>
  req.payload.db.defaultIDType === 'number' ? Number(id) : id

/**
 * Emails the people a move concerns (Payload's email adapter: the console without one), from a
 * job, never inside the save: a mail server that is slow or down costs the desk nothing, and a
 * failed send is retried by the runner.
 */
export const notifyMoveTask = (
  config: SanitizedEditorialWorkflowConfig,
): TaskConfig<{ input: NotifyInput; output: { sent?: number; skipped?: string } }> => ({
  slug: NOTIFY_TASK,
  label: 'Email the people a desk move concerns',
  retries: 3,
  inputSchema: [
    { name: 'collection', type: 'text', required: true },
    { name: 'id', type: 'text', required: true },
    { name: 'move', type: 'json', required: true },
    { name: 'at', type: 'text', required: true },
  ],
  handler: async ({ input, req }) => {
    const notifications = config.notifications
    if (!notifications) return { output: { skipped: 'notifications are off' } }
    const { at, collection, id, move } = input as NotifyInput
    const collectionConfig = req.payload.collections[collection as CollectionSlug]?.config
    if (!collectionConfig) return { output: { skipped: `no collection ${collection}` } }
    const doc = (await req.payload.findByID({
      collection: collection as CollectionSlug,
      id: documentId(req, id) as never,
      depth: 0,
      disableErrors: true,
      draft: true,
      overrideAccess: true,
      req,
    })) as (Record<string, unknown> & { id: number | string }) | null
    if (!doc) return { output: { skipped: 'the story is gone' } }
    const to = await (notifications.recipients ?? defaultRecipients)({ collection, doc, move, req })
    if (to.length === 0) return { output: { sent: 0 } }
    const titleField = collectionConfig.admin?.useAsTitle ?? 'id'
    const origin = (
      notifications.adminOrigin ?? resolveApiOrigin(req.payload.config.serverURL)
    ).replace(/\/+$/, '')
    const link = `${origin}${req.payload.config.routes.admin}/collections/${collection}/${encodeURIComponent(String(doc.id))}`
    await req.payload.sendEmail({
      to,
      ...moveMessage({ at, link, move, title: String(doc[titleField] ?? doc.id) }),
    })
    return { output: { sent: to.length } }
  },
})
