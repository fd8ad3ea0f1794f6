import type { Endpoint } from 'payload'

import crypto from 'node:crypto'
import { APIError } from 'payload'

import { formatKstIso } from '../../register-timestamps/formatKst'
import { canReadDistribution } from '../access'
import { findRouteDocument } from './routeDocument'
import { DELIVER_TASK } from '../tasks/deliverWebhook'

/** `POST /api/distribution-channels/:id/test`: queues a signed `test` event to the channel. */
export const sendTestEventEndpoint = (): Endpoint => ({
  path: '/:id/test',
  method: 'post',
  handler: async (req) => {
    if (!(await canReadDistribution({ req })))
      throw new APIError('데스크만 할 수 있습니다 (editors only)', 403, null, true)
    const channel = await findRouteDocument<{ kind?: string }>(req, 'distribution-channels')
    // An IndexNow ping carries an article URL; a test event has none and its attempt would never finish.
    if (channel.kind === 'indexnow')
      throw new APIError(
        'IndexNow 채널은 테스트 이벤트를 받지 않습니다 (IndexNow channels take article URLs only)',
        400,
        null,
        true,
      )
    const webhookId = `msg_${crypto.randomUUID()}`
    const body = {
      type: 'test',
      timestamp: formatKstIso(new Date(), { withMilliseconds: true }),
      data: { message: '테스트 이벤트입니다 (test event)' },
    }
    await req.payload.jobs.queue({
      task: DELIVER_TASK,
      input: { channel: String(req.routeParams?.id), event: 'test', webhookId, attempt: 1, body },
      req,
    } as never)
    return Response.json({ queued: webhookId })
  },
})
