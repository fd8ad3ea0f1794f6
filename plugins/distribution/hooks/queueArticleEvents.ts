import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import crypto from 'node:crypto'

import type { ArticleDoc } from '../articlePayload'
import type { ArticleEvent, ChannelEvent, SanitizedDistributionConfig } from '../types'

import { formatKstIso, instantsToKst } from '../../register-timestamps/formatKst'
import { idOf, idsOf } from '../../shared/relationIds'
import { listKey, surrogateKeysOf } from '../../shared/surrogateKeys'
import { hasDrafts } from '../../shared/publication'
import { readStoredDocument } from '../../shared/storedDocument'
import { articlePayload, payloadSignature } from '../articlePayload'
import { CHANNELS_SLUG } from '../collections/channels'
import { DISTRIBUTION_CONFIG_KEY } from '../defaults'
import { DELIVER_TASK } from '../tasks/deliverWebhook'

type Channel = {
  events?: string[]
  format?: 'full' | 'summary'
  id: number | string
  kind?: string
  regions?: unknown[]
  sections?: unknown[]
}

type Message = {
  data: (format: 'full' | 'summary') => Promise<unknown> | unknown
  event: ChannelEvent
}

/**
 * Matching active channels get one job per message, queued with `req`: a rolled-back save queues
 * nothing. One channel query serves all the messages of a save, and the region's 시도 is read only
 * when a channel's region filter needs it.
 */
const queueMessages = async (
  config: SanitizedDistributionConfig,
  req: PayloadRequest,
  doc: ArticleDoc,
  messages: Message[],
): Promise<void> => {
  const channels = (
    await req.payload.find({
      collection: CHANNELS_SLUG as CollectionSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: {
        and: [
          { active: { equals: true } },
          { events: { in: messages.map((message) => message.event) } },
        ],
      },
    })
  ).docs as unknown as Channel[]
  if (channels.length === 0) return

  const section = idOf(doc.section)
  const region = idOf(doc.region)
  let province: Promise<null | number | string> | undefined
  const provinceOfRegion = () =>
    (province ??=
      region !== null && req.payload.collections[config.regions as CollectionSlug]
        ? req.payload
            .findByID({
              collection: config.regions as CollectionSlug,
              id: region,
              depth: 0,
              disableErrors: true,
              overrideAccess: true,
              req,
            })
            .then((own) => idOf((own as Record<string, unknown> | null)?.parent))
        : Promise.resolve(null))
  const matchesFilters = async (channel: Channel): Promise<boolean> => {
    const sections = idsOf(channel.sections).map(String)
    if (sections.length && !sections.includes(String(section))) return false
    const regions = idsOf(channel.regions).map(String)
    return (
      !regions.length ||
      regions.includes(String(region)) ||
      regions.includes(String(await provinceOfRegion()))
    )
  }
  // Every instant a channel receives is RFC 3339 in +09:00 (DESIGN.md, "Times"), the event's own too.
  const timestamp = formatKstIso(new Date(), { withMilliseconds: true })
  for (const { data, event } of messages) {
    // Channels of one format get the same data: made (and its instants converted) once per format.
    const made = new Map<'full' | 'summary', Promise<unknown>>()
    const dataIn = (format: 'full' | 'summary') => {
      let result = made.get(format)
      if (!result) made.set(format, (result = Promise.resolve(data(format)).then(instantsToKst)))
      return result
    }
    for (const channel of channels) {
      if (!channel.events?.includes(event)) continue
      if (
        channel.kind === 'indexnow' &&
        event !== 'article.published' &&
        event !== 'article.updated'
      )
        continue
      if (!(await matchesFilters(channel))) continue
      const body = {
        type: event,
        timestamp,
        data: await dataIn(channel.format ?? 'full'),
      }
      await req.payload.jobs.queue({
        task: DELIVER_TASK,
        input: {
          channel: String(channel.id),
          event,
          articleId: String(doc.id),
          webhookId: `msg_${crypto.randomUUID()}`,
          attempt: 1,
          body,
        },
        req,
      } as never)
    }
  }
}

/**
 * Queues one event about an article that the publication hooks do not announce — the desk's moves
 * (`article.filed`, `article.returned`, `article.approved`) are draft saves — to the active channels
 * subscribed to it, with the headline fields (the `summary` shape, whatever the channel's format:
 * a story on the desk has no public body yet) and `data` beside them. Queued with `req`, inside the
 * save: a channel that is down never fails the save, and a rolled-back save queues nothing.
 * Does nothing when the distribution plugin is absent or disabled, or `collection` is not its articles.
 */
export const queueArticleEvent = async (
  req: PayloadRequest,
  {
    collection,
    data,
    doc,
    event,
    withBody = false,
  }: {
    collection: string
    data?: Record<string, unknown>
    doc: ArticleDoc
    event: ChannelEvent
    /** Send the story in the channel's format (`full` carries the body); else its summary. */
    withBody?: boolean
  },
): Promise<void> => {
  const config = (req.payload.config.custom as Record<string, unknown> | undefined)?.[
    DISTRIBUTION_CONFIG_KEY
  ] as SanitizedDistributionConfig | undefined
  if (!config?.enabled || collection !== config.articles) return
  await queueMessages(config, req, doc, [
    {
      event,
      data: async (format) => ({
        ...(await articlePayload(config, req, doc, withBody ? format : 'summary')),
        ...data,
      }),
    },
  ])
}

/**
 * A `cache.purge` about something other than one article (the ticker, a global): `keys` are the
 * surrogate keys to drop, sent to every active channel subscribed to `cache.purge` (section and
 * region filters are about articles and do not apply). Queued with `req`: a rolled-back save
 * queues nothing. Does nothing when the distribution plugin is absent or disabled.
 */
export const queueCachePurge = async (
  req: PayloadRequest,
  { keys, reason, urls = [] }: { keys: string[]; reason: string; urls?: string[] },
): Promise<void> => {
  const config = (req.payload.config.custom as Record<string, unknown> | undefined)?.[
    DISTRIBUTION_CONFIG_KEY
  ] as SanitizedDistributionConfig | undefined
  if (!config?.enabled || keys.length === 0) return
  const channels = (
    await req.payload.find({
      collection: CHANNELS_SLUG as CollectionSlug,
      depth: 0,
      limit: 0,
      overrideAccess: true,
      pagination: false,
      req,
      where: { and: [{ active: { equals: true } }, { events: { in: ['cache.purge'] } }] },
    })
  ).docs as unknown as Channel[]
  const timestamp = formatKstIso(new Date(), { withMilliseconds: true })
  for (const channel of channels) {
    if (channel.kind === 'indexnow') continue
    await req.payload.jobs.queue({
      task: DELIVER_TASK,
      input: {
        channel: String(channel.id),
        event: 'cache.purge',
        webhookId: `msg_${crypto.randomUUID()}`,
        attempt: 1,
        body: { type: 'cache.purge', timestamp, data: { reason, keys, urls } },
      },
      req,
    } as never)
  }
}

/** The article event itself, then its `cache.purge`. */
const queueArticleMessages = (
  config: SanitizedDistributionConfig,
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  event: ArticleEvent,
  doc: ArticleDoc,
  /** The article as readers had it before this save (its published state). */
  before?: ArticleDoc,
) => {
  let purge: ReturnType<typeof purgeData> | undefined
  const purgeMessage: Message = {
    event: 'cache.purge',
    data: () => (purge ??= purgeData(config, req, collection, event, doc, before)),
  }
  // Nothing a channel would receive changed: a second run of the same scheduled publish (two job
  // runners can both take it), Save pressed on an unchanged article, an edit of what channels are
  // not sent (related picks). Our own responses may still show it, so the purge goes out.
  const isNews =
    event !== 'article.updated' || !before || payloadSignature(doc) !== payloadSignature(before)
  return queueMessages(
    config,
    req,
    doc,
    isNews
      ? [{ event, data: (format) => articlePayload(config, req, doc, format) }, purgeMessage]
      : [purgeMessage],
  )
}

/**
 * `cache.purge`: after an article event, what a CDN holding our responses must drop — the same
 * keys our responses carry in `Surrogate-Key`/`Cache-Tag` (the article, its section, region,
 * reporters and related articles, and every list of articles) and the article's public URL.
 */
const purgeData = (
  config: SanitizedDistributionConfig,
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  reason: ArticleEvent,
  doc: ArticleDoc,
  previousDoc?: ArticleDoc,
) => {
  const tracked = Object.values(req.payload.collections)
    .filter(({ config: other }) => !other.auth)
    .map(({ config: other }) => other.slug)
  // Moved to another section or region: pages of the old one listed it too.
  const before = previousDoc ? surrogateKeysOf(collection, previousDoc, tracked) : []
  const keys = [
    ...new Set([...surrogateKeysOf(collection, doc, tracked), ...before, listKey(collection.slug)]),
  ]
  const url = `${config.siteUrl()}${config.articlePath({ id: doc.id, slug: doc.slug as null | string })}`
  return { reason, article: doc.id, keys, urls: [url] }
}

const liveKey = (id: number | string) => `distribution:live:${id}`

/**
 * The article as readers had it before this save — the stored (published) document, or null when
 * it was not live — for telling publish from update and an update from a no-op. Not `originalDoc`:
 * that is the latest draft when there is one.
 */
export const rememberPublicationState =
  (config: SanitizedDistributionConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (!config.enabled || operation !== 'update' || !originalDoc?.id) return data
    const stored = await readStoredDocument(req, collection.slug, originalDoc)
    req.context[liveKey(originalDoc.id)] =
      stored && (!hasDrafts(collection) || stored._status === 'published') ? stored : null
    return data
  }

export const queueArticleEvents =
  (config: SanitizedDistributionConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, previousDoc, req }) => {
    if (!config.enabled || req.context.isDraftSave) return doc
    const isPublished = !hasDrafts(collection) || doc._status === 'published'
    const live =
      operation === 'update'
        ? ((req.context[liveKey(doc.id)] as ArticleDoc | null | undefined) ?? null)
        : null
    const wasPublished = live !== null
    const event: ArticleEvent | null = isPublished
      ? wasPublished
        ? 'article.updated'
        : 'article.published'
      : wasPublished
        ? 'article.unpublished'
        : null
    if (event)
      await queueArticleMessages(
        config,
        req,
        collection,
        event,
        doc as ArticleDoc,
        operation === 'update' ? (live ?? (previousDoc as ArticleDoc)) : undefined,
      )
    return doc
  }

/** A deleted article that was live is announced with its last public shape. */
export const queueDeletionEvent =
  (config: SanitizedDistributionConfig): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    if (!config.enabled || (hasDrafts(collection) && doc?._status !== 'published')) return
    await queueArticleMessages(config, req, collection, 'article.deleted', doc as ArticleDoc)
  }
