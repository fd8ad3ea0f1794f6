import type { CollectionConfig } from 'payload'

import type { SanitizedDistributionConfig } from '../types'

import { canReadDistribution } from '../access'
import { replayDeliveryEndpoint } from '../endpoints/replayDelivery'
import { articleEvents } from '../types'
import { CHANNELS_SLUG } from './channels'

export const DELIVERIES_SLUG = 'webhook-deliveries'

export const deliveryStatuses = ['pending', 'retrying', 'succeeded', 'failed', 'refused'] as const

/** One row per delivery attempt: what was sent where, and what came back. Written by jobs only. */
export const deliveriesCollection = (config: SanitizedDistributionConfig): CollectionConfig => ({
  slug: DELIVERIES_SLUG,
  labels: { singular: { en: 'Webhook delivery', ko: '웹훅 전송' }, plural: { en: 'Webhook deliveries', ko: '웹훅 전송 기록' } },
  admin: {
    useAsTitle: 'webhookId',
    defaultColumns: ['createdAt', 'channel', 'event', 'article', 'attempt', 'status', 'httpStatus', 'durationMs'],
    group: { en: 'Distribution', ko: '배포' },
    listSearchableFields: ['webhookId', 'documentId'],
  },
  defaultSort: '-createdAt',
  // One row per attempt, created before the request is sent: the unique pair is the claim that
  // keeps two workers from sending the same attempt.
  indexes: [{ fields: ['webhookId', 'attempt'], unique: true }],
  access: { read: canReadDistribution, create: () => false, update: () => false, delete: () => false },
  endpoints: [replayDeliveryEndpoint()],
  fields: [
    { name: 'channel', type: 'relationship', relationTo: CHANNELS_SLUG as never, index: true, label: { en: 'Channel', ko: '채널' } },
    { name: 'event', type: 'select', options: [...articleEvents, 'test'].map((value) => ({ label: value, value })), index: true },
    { name: 'article', type: 'relationship', relationTo: config.articles as never, index: true, label: { en: 'Article', ko: '기사' } },
    { name: 'documentId', type: 'text', index: true, admin: { description: 'The article id, kept when the article is deleted' } },
    { name: 'webhookId', type: 'text', index: true },
    { name: 'attempt', type: 'number' },
    { name: 'status', type: 'select', index: true, options: deliveryStatuses.map((value) => ({ label: value, value })) },
    { name: 'httpStatus', type: 'number' },
    { name: 'durationMs', type: 'number' },
    { name: 'error', type: 'text' },
    { name: 'responseBody', type: 'textarea', admin: { description: 'First 2 KB' } },
    { name: 'nextAttemptAt', type: 'date' },
    { name: 'payload', type: 'json', admin: { description: 'The body that was signed and sent' } },
  ],
})
