import type { CollectionSlug, Endpoint } from 'payload'

import { APIError } from 'payload'

import { canReadDistribution } from '../access'
import { findRouteDocument } from './routeDocument'
import { DELIVER_TASK } from '../tasks/deliverWebhook'

/**
 * `POST /api/webhook-deliveries/:id/replay`: sends the same body again under the same webhook-id,
 * so receivers that deduplicate by id treat it as the same message.
 */
export const replayDeliveryEndpoint = (): Endpoint => ({
  path: '/:id/replay',
  method: 'post',
  handler: async (req) => {
    if (!(await canReadDistribution({ req })))
      throw new APIError('데스크만 할 수 있습니다 (editors only)', 403, null, true)
    const delivery = await findRouteDocument<{
      documentId?: string
      channel?: number | string
      event: string
      payload: unknown
      webhookId: string
    }>(req, 'webhook-deliveries')
    if (!delivery.channel) throw new APIError('Not Found', 404, null, true)
    // A replay is one more attempt of the same message: the next attempt number keeps it unique.
    const latest = await req.payload.find({
      collection: 'webhook-deliveries' as CollectionSlug,
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
      sort: '-attempt',
      where: { webhookId: { equals: delivery.webhookId } },
    })
    const attempt =
      ((latest.docs[0] as unknown as { attempt?: number } | undefined)?.attempt ?? 0) + 1
    await req.payload.jobs.queue({
      task: DELIVER_TASK,
      input: {
        channel: String(delivery.channel),
        event: delivery.event,
        articleId: delivery.documentId,
        webhookId: delivery.webhookId,
        attempt,
        body: delivery.payload,
      },
      req,
    } as never)
    return Response.json({ queued: delivery.webhookId })
  },
})
