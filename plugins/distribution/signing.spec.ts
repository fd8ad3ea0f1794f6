import { Webhook } from 'standardwebhooks'
import { describe, expect, it } from 'vitest'

import { generateSecret, signPayload } from './signing'

describe('Standard Webhooks signing', () => {
  it('is verified by the reference implementation', () => {
    const secret = generateSecret()
    const body = JSON.stringify({
      type: 'article.published',
      timestamp: new Date().toISOString(),
      data: { id: 1 },
    })
    const timestamp = Math.floor(Date.now() / 1000)
    const headers = {
      'webhook-id': 'msg_1',
      'webhook-timestamp': String(timestamp),
      'webhook-signature': signPayload(secret, 'msg_1', timestamp, body),
    }
    expect(new Webhook(secret).verify(body, headers)).toMatchObject({ type: 'article.published' })
    expect(() => new Webhook(generateSecret()).verify(body, headers)).toThrow()
  })
})
