import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import type { SanitizedDistributionConfig } from '../types'

import { CHANNELS_SLUG } from '../collections/channels'
import { DELIVERIES_SLUG } from '../collections/deliveries'
import { customHeaders } from '../headers'
import { PrivateAddressError } from '../network'
import { InvalidRequestError, sendRequest } from '../send'
import { signPayload } from '../signing'
import { jobLeaseMs } from '../../shared/jobLease'

export const DELIVER_TASK = 'deliverWebhook'

export type DeliveryInput = {
  articleId?: string
  attempt: number
  body: { data: unknown; timestamp: string; type: string }
  channel: string
  event: string
  webhookId: string
}

type Channel = {
  indexNowKey?: null | string
  kind?: string
  active?: boolean
  allowPrivateNetwork?: boolean
  consecutiveFailures?: number
  headers?: { name?: unknown; value?: unknown }[] | null
  id: number | string
  previousSecret?: null | string
  previousSecretExpiresAt?: null | string
  secret?: string
  timeoutMs?: number
  url: string
}

/** Retry-After as seconds or an HTTP date, in ms from now; null when absent or unreadable. */
const retryAfterMs = (header: string | string[] | undefined): null | number => {
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return null
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now())
}

const withJitter = (ms: number): number => Math.round(ms * (0.9 + Math.random() * 0.2))

const channelId = (req: PayloadRequest, id: string): number | string =>
  req.payload.db.defaultIDType === 'number' ? Number(id) : id

type ClaimRow = { id: number | string; status?: string; updatedAt: string }

/**
 * Takes over a row a dead runner left `pending`, unless another runner just did. Several runners
 * can find the same abandoned row at once (Payload takes a job with a read, then a write, so workers
 * ticking together may run the same job), so the takeover is one conditional write: renew the row
 * only if it is still pending and stale (`atomic`: a single UPDATE … WHERE on SQL databases, as
 * Payload's own forgot-password reservation does; findOneAndUpdate on MongoDB).
 */
const takeOver = async (req: PayloadRequest, row: ClaimRow, cutoff: number): Promise<boolean> => {
  const renewed = await req.payload.db.updateOne({
    collection: DELIVERIES_SLUG as CollectionSlug,
    data: { updatedAt: new Date().toISOString() },
    options: { atomic: true },
    req,
    where: {
      and: [
        { id: { equals: row.id } },
        { status: { equals: 'pending' } },
        { updatedAt: { less_than: new Date(cutoff).toISOString() } },
      ],
    },
  })
  return renewed !== null
}

/**
 * Claims one attempt by creating its delivery row (unique webhook-id + attempt). A second runner
 * fails to create it and gets null (and leaves a job to look again after the lease); a row still
 * `pending` after the job lease belongs to a runner that died, and is taken over by one runner.
 */
const claimAttempt = async (
  config: SanitizedDistributionConfig,
  req: PayloadRequest,
  delivery: DeliveryInput,
  channel: Channel | null,
): Promise<null | number | string> => {
  const articleExists =
    delivery.articleId &&
    (
      await req.payload.count({
        collection: config.articles as CollectionSlug,
        overrideAccess: true,
        req,
        where: { id: { equals: delivery.articleId } },
      })
    ).totalDocs > 0
  try {
    const row = await req.payload.create({
      collection: DELIVERIES_SLUG as CollectionSlug,
      data: {
        channel: channel ? channel.id : undefined,
        event: delivery.event,
        article: articleExists ? channelId(req, delivery.articleId!) : undefined,
        documentId: delivery.articleId,
        webhookId: delivery.webhookId,
        attempt: delivery.attempt,
        payload: delivery.body,
        status: 'pending',
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return row.id
  } catch (error) {
    const { docs } = await req.payload.find({
      collection: DELIVERIES_SLUG as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      where: {
        and: [
          { webhookId: { equals: delivery.webhookId } },
          { attempt: { equals: delivery.attempt } },
        ],
      },
    })
    const existing = docs[0] as unknown as ClaimRow | undefined
    // No row with this key: the create failed for another reason, and the job must not pass as done.
    if (!existing) throw error
    const leaseMs = jobLeaseMs()
    const cutoff = Date.now() - leaseMs
    const isAbandoned = existing.status === 'pending' && Date.parse(existing.updatedAt) < cutoff
    if (isAbandoned && (await takeOver(req, existing, cutoff))) return existing.id
    if (existing.status === 'pending') {
      // Another runner is sending this attempt, maybe under this very job (Payload can hand one job
      // to two workers), which ends here as done: should that runner die, no job would be left to
      // take the attempt over. Look again when its lease has run out.
      await req.payload.jobs.queue({
        task: DELIVER_TASK,
        input: delivery,
        req,
        waitUntil: new Date(Date.now() + leaseMs + 1000),
      } as never)
    }
    return null
  }
}

/** The body and headers of one attempt; throws when the channel's stored settings cannot make a request. */
const buildMessage = (
  channel: Channel,
  delivery: DeliveryInput,
): { body: string; headers: Record<string, string> } => {
  const headers = customHeaders(channel.headers)
  if (channel.kind === 'indexnow') {
    // IndexNow: the article URL and the site's key, no signature (the key file proves ownership).
    const articleUrl = String((delivery.body.data as { url?: string }).url ?? '')
    return {
      body: JSON.stringify({
        host: new URL(articleUrl).host,
        key: channel.indexNowKey,
        urlList: [articleUrl],
      }),
      headers,
    }
  }
  if (!channel.secret) throw new Error('the channel has no signing secret')
  const body = JSON.stringify(delivery.body)
  const timestamp = Math.floor(Date.now() / 1000)
  const signatures = [signPayload(channel.secret, delivery.webhookId, timestamp, body)]
  const isOverlapping =
    channel.previousSecret &&
    channel.previousSecretExpiresAt &&
    Date.parse(channel.previousSecretExpiresAt) > Date.now()
  if (isOverlapping)
    signatures.push(signPayload(channel.previousSecret!, delivery.webhookId, timestamp, body))
  return {
    body,
    headers: {
      ...headers,
      'webhook-id': delivery.webhookId,
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signatures.join(' '),
    },
  }
}

/**
 * Delivers one attempt of one event to one channel (Standard Webhooks: webhook-id, -timestamp,
 * -signature; the same webhook-id on every retry). 2xx succeeds; 410 disables the channel; a
 * refused address is not retried; anything else is retried on the schedule, each retry its own job.
 */
export const deliverWebhookTask = (
  config: SanitizedDistributionConfig,
): TaskConfig<{ input: DeliveryInput; output: { skipped?: string } }> => ({
  slug: DELIVER_TASK,
  label: 'Deliver a signed webhook',
  retries: 0,
  inputSchema: [
    { name: 'channel', type: 'text', required: true },
    { name: 'event', type: 'text', required: true },
    { name: 'articleId', type: 'text' },
    { name: 'webhookId', type: 'text', required: true },
    { name: 'attempt', type: 'number', required: true },
    { name: 'body', type: 'json', required: true },
  ],
  handler: async ({ input, req }) => {
    const delivery = input as DeliveryInput
    const channel = (await req.payload.findByID({
      collection: CHANNELS_SLUG as CollectionSlug,
      id: channelId(req, delivery.channel) as never,
      depth: 0,
      disableErrors: true,
      overrideAccess: true,
      req,
      showHiddenFields: true,
    })) as unknown as Channel | null
    const claim = await claimAttempt(config, req, delivery, channel)
    if (claim === null) return { output: { skipped: 'another runner owns this attempt' } }
    let isRecorded = false
    const record = async (fields: Record<string, unknown>) => {
      await req.payload.update({
        collection: DELIVERIES_SLUG as CollectionSlug,
        id: claim as never,
        data: fields as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      isRecorded = true
    }
    // Health is the system's bookkeeping, written to the row directly: an update through the Local API
    // would validate the channel's own settings again, and one saved before a rule applied would
    // make the bookkeeping, and so the job, fail.
    const updateHealth = async (data: Record<string, unknown>) => {
      if (!channel) return
      await req.payload.db.updateOne({
        collection: CHANNELS_SLUG as CollectionSlug,
        id: channel.id,
        data,
        req,
      })
    }

    const settle = async () => {
      if (!channel || channel.active === false) {
        await record({
          status: 'refused',
          error: channel ? 'channel is inactive' : 'channel no longer exists',
        })
        return { output: {} }
      }

      const failures = (channel.consecutiveFailures ?? 0) + 1
      // A request that cannot be built (a header stored before the rules applied, a malformed URL or
      // article link) fails now, recorded: it would fail the same way on every retry.
      const failUnsendable = async (error: unknown) => {
        await record({
          status: 'failed',
          error:
            error instanceof InvalidRequestError
              ? error.message
              : new InvalidRequestError(error).message,
        })
        await updateHealth({
          lastStatus: 'failed',
          consecutiveFailures: failures,
          lastDeliveryAt: new Date().toISOString(),
        })
        return { output: {} }
      }
      let message: { body: string; headers: Record<string, string> }
      try {
        message = buildMessage(channel, delivery)
      } catch (error) {
        return failUnsendable(error)
      }

      const result = await sendRequest(channel.url, message.body, message.headers, {
        allowPrivateNetwork: Boolean(channel.allowPrivateNetwork),
        timeoutMs: channel.timeoutMs ?? config.timeoutMs,
      })

      if (result.error instanceof InvalidRequestError) return failUnsendable(result.error)
      if (result.error instanceof PrivateAddressError) {
        await record({
          status: 'refused',
          error: result.error.message,
          durationMs: result.durationMs,
        })
        await updateHealth({ lastStatus: 'refused', lastDeliveryAt: new Date().toISOString() })
        return { output: {} }
      }
      if (result.status !== undefined && result.status >= 200 && result.status < 300) {
        await record({
          status: 'succeeded',
          httpStatus: result.status,
          durationMs: result.durationMs,
          responseBody: result.responseBody,
        })
        await updateHealth({
          lastStatus: 'succeeded',
          consecutiveFailures: 0,
          lastDeliveryAt: new Date().toISOString(),
        })
        return { output: {} }
      }
      const failure = {
        httpStatus: result.status,
        durationMs: result.durationMs,
        responseBody: result.responseBody,
        error: result.error ? result.error.message : `HTTP ${result.status}`,
      }
      if (result.status === 410) {
        await record({ ...failure, status: 'failed', error: 'HTTP 410 Gone: channel disabled' })
        await updateHealth({
          active: false,
          disabledReason: `410 Gone at ${new Date().toISOString()}`,
          lastStatus: 'failed',
          consecutiveFailures: failures,
        })
        return { output: {} }
      }
      const delay = config.retrySchedule[delivery.attempt - 1]
      if (delay === undefined) {
        await record({ ...failure, status: 'failed' })
        await updateHealth({
          lastStatus: 'failed',
          consecutiveFailures: failures,
          lastDeliveryAt: new Date().toISOString(),
        })
        return { output: {} }
      }
      const wait = Math.min(
        24 * 3600 * 1000,
        retryAfterMs(result.headers?.['retry-after']) ?? withJitter(delay),
      )
      const nextAttemptAt = new Date(Date.now() + wait)
      // The next attempt is queued before this one is marked `retrying`: a row never promises a retry no job will make.
      await req.payload.jobs.queue({
        task: DELIVER_TASK,
        input: { ...delivery, attempt: delivery.attempt + 1 },
        req,
        waitUntil: nextAttemptAt,
      } as never)
      await record({ ...failure, status: 'retrying', nextAttemptAt: nextAttemptAt.toISOString() })
      await updateHealth({
        lastStatus: 'retrying',
        consecutiveFailures: failures,
        lastDeliveryAt: new Date().toISOString(),
      })
      return { output: {} }
    }
    try {
      return await settle()
    } catch (error) {
      // Whatever went wrong, the attempt ends recorded: a row left `pending` waits for a takeover that no job will make.
      if (!isRecorded)
        await record({
          status: 'failed',
          error: error instanceof Error ? error.message : String(error),
        }).catch(() => undefined)
      throw error
    }
  },
})
