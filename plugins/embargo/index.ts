import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  Config,
  Field,
  PayloadRequest,
  Plugin,
  SelectField,
} from 'payload'

import { APIError } from 'payload'

import { EMBARGO_FIELD } from '../shared/embargoField'
import { labelFunction } from '../shared/labels'
import { readStoredDocument } from '../shared/storedDocument'
import { pendingScheduledPublishJobs, SCHEDULE_PUBLISH_TASK } from '../shared/scheduledPublishJobs'

export type EmbargoOptions = {
  /** Collections (with drafts) whose documents may carry an embargo. @default ['articles'] */
  collections?: string[]
  /** The field a release stamps with the embargo time, when the collection has it. @default 'registeredAt' */
  registeredAtField?: string
  /**
   * Called when a publish is held until the embargo (and again when the time moves), e.g. to send
   * the story early to partners that honour embargoes; runs in the save's transaction.
   */
  onHold?: (args: {
    collection: string
    doc: Record<string, unknown> & { id: number | string }
    req: PayloadRequest
    until: string
  }) => Promise<void> | void
  /** When false the field stays (stable schema) and nothing is held back. @default true */
  enabled?: boolean
}

export { EMBARGO_FIELD }

type Doc = Record<string, unknown> & { id: number | string }

const contextKey = (collection: string, id: unknown) => `embargo:${collection}:${String(id)}`
const instant = (value: unknown): null | number => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const time = new Date(value).getTime()
  return Number.isNaN(time) ? null : time
}
const isFuture = (value: unknown) => {
  const time = instant(value)
  return time !== null && time > Date.now()
}

const embargoField = (): Field => ({
  name: EMBARGO_FIELD,
  type: 'date',
  index: true,
  // Typed and shown in Korea time whatever the browser's zone (admin.timezones' default). The
  // stored zone field gets its own label: Payload would name it `Embargo Until_tz`.
  timezone: {
    override: ({ baseField }: { baseField: SelectField }): Field => ({
      ...baseField,
      label: labelFunction({ en: 'Embargo time zone', ko: '엠바고 시간대' }),
    }),
  },
  label: { en: 'Embargo until', ko: '엠바고 (해제 시각)' },
  admin: {
    position: 'sidebar',
    date: {
      pickerAppearance: 'dayAndTime',
      displayFormat: 'yyyy-MM-dd HH:mm',
      timeFormat: 'HH:mm',
    },
    description: {
      en: 'Until then the story is public nowhere. Publishing before it schedules the release: it goes live at this time by itself.',
      ko: '이 시각 전에는 어디에도 공개되지 않습니다. 그 전에 게시하면 이 시각에 자동으로 출고됩니다.',
    },
  },
})

/**
 * A publish asked for before the embargo passes becomes a draft save, and the release is queued:
 * until then the story is a draft, which every public path (REST, GraphQL, joins, related,
 * previous/next, feeds, sitemaps, webhooks, search) already leaves out.
 */
const holdPublication: CollectionBeforeOperationHook = async ({
  args,
  collection,
  operation,
  req,
}) => {
  if (operation !== 'create' && operation !== 'update') return args
  const write = args as { data?: Record<string, unknown>; draft?: boolean; id?: number | string }
  const data = write.data
  if (!data || data._status !== 'published' || write.draft) return args
  let until = data[EMBARGO_FIELD]
  if (until === undefined && operation === 'update' && write.id !== undefined) {
    const stored = await req.payload.findByID({
      collection: collection.slug as never,
      id: write.id,
      draft: true,
      depth: 0,
      overrideAccess: true,
      req,
      select: { [EMBARGO_FIELD]: true } as never,
    })
    until = (stored as Record<string, unknown> | null)?.[EMBARGO_FIELD]
  }
  if (!isFuture(until)) return args
  ;(req.context as Record<string, unknown>)[contextKey(collection.slug, write.id ?? 'new')] = until
  return { ...args, data: { ...data, _status: 'draft' }, draft: true }
}

const checkEmbargo =
  (options: Required<Omit<EmbargoOptions, 'onHold'>>): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    const until = data[EMBARGO_FIELD]
    const changed = instant(until) !== instant(originalDoc?.[EMBARGO_FIELD])
    // Holding back a story readers already have would not unpublish it anywhere it was sent.
    if (
      changed &&
      isFuture(until) &&
      operation === 'update' &&
      originalDoc?.id !== undefined &&
      (await readStoredDocument(req, collection.slug, originalDoc))?._status === 'published'
    )
      throw new APIError(
        '출고된 기사에는 엠바고를 걸 수 없습니다. 먼저 게시를 해제하세요 (an embargo cannot be set on a published story; unpublish it first).',
        400,
        { code: 'VALIDATION' },
        true,
      )
    // The release itself: 등록 is the embargo time, not the moment the job ran.
    const field = options.registeredAtField
    const isRelease =
      data._status === 'published' &&
      instant(until) !== null &&
      !isFuture(until) &&
      !originalDoc?.[field] &&
      collection.fields.some((candidate) => 'name' in candidate && candidate.name === field)
    if (isRelease) data[field] = new Date(until as string).toISOString()
    return data
  }

/** Queues, moves or calls off the release job as the embargo and the desk's publish ask. */
const scheduleRelease =
  (onHold: EmbargoOptions['onHold']): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    const context = req.context as Record<string, unknown>
    const asked =
      context[contextKey(collection.slug, operation === 'create' ? 'new' : doc.id)] ??
      context[contextKey(collection.slug, doc.id)]
    const until = (doc as Doc)[EMBARGO_FIELD]
    const before = previousDoc?.[EMBARGO_FIELD]
    const moved = instant(until) !== instant(before)
    if (!asked && !moved) return doc
    const jobs = async (at?: unknown) =>
      (
        await req.payload.find({
          collection: 'payload-jobs',
          where: pendingScheduledPublishJobs({
            collection: collection.slug,
            id: doc.id,
            type: 'publish',
            waitUntil: at,
          }),
          limit: 10,
          depth: 0,
          overrideAccess: true,
          req,
        })
      ).docs
    // A release queued for the old time follows the embargo, or is called off with it.
    const earlier = before ? await jobs(before) : []
    const isWanted = Boolean(asked) || earlier.length > 0
    if (earlier.length)
      await req.payload.delete({
        collection: 'payload-jobs',
        where: { id: { in: earlier.map((job) => job.id) } },
        overrideAccess: true,
        req,
      })
    if (!isWanted || !isFuture(until)) return doc
    await req.payload.jobs.queue({
      task: SCHEDULE_PUBLISH_TASK,
      input: {
        type: 'publish',
        doc: { relationTo: collection.slug, value: String(doc.id) },
        ...(req.user ? { user: { relationTo: req.user.collection, value: req.user.id } } : {}),
      },
      waitUntil: new Date(until as string),
      req,
    } as never)
    await onHold?.({
      collection: collection.slug,
      doc: doc as Doc,
      req,
      until: new Date(until as string).toISOString(),
    })
    return doc
  }

/**
 * Embargo (엠바고): a time before which a story is public on no path, even when the desk publishes
 * it; at that time it goes live by itself through Payload's scheduled publish (a job), and its
 * 등록 time is the embargo time. The story stays a draft until then, so no read path needs to know.
 */
export const embargo =
  (options: EmbargoOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config: Required<Omit<EmbargoOptions, 'onHold'>> = {
      collections: options.collections ?? ['articles'],
      registeredAtField: options.registeredAtField ?? 'registeredAt',
      enabled: options.enabled ?? true,
    }
    const collections = (incomingConfig.collections ?? []).map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      const fields = [...collection.fields, embargoField()]
      if (!config.enabled) return { ...collection, fields }
      return {
        ...collection,
        fields,
        hooks: {
          ...collection.hooks,
          beforeOperation: [...(collection.hooks?.beforeOperation ?? []), holdPublication],
          beforeChange: [...(collection.hooks?.beforeChange ?? []), checkEmbargo(config)],
          afterChange: [...(collection.hooks?.afterChange ?? []), scheduleRelease(options.onHold)],
        },
      }
    })
    return { ...incomingConfig, collections }
  }
