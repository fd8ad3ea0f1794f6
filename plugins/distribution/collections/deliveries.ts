import type { CollectionConfig } from 'payload'

import type { SanitizedDistributionConfig } from '../types'

import { canReadDistribution } from '../access'
import { replayDeliveryEndpoint } from '../endpoints/replayDelivery'
import { deliveryStatusLabels } from '../components/health'
import { channelEventLabels, channelEvents } from '../types'
import { CHANNELS_SLUG } from './channels'
import { collectionLabels } from '../../shared/labels'
import { dateTimePicker } from '../../shared/datePickers'

export const DELIVERIES_SLUG = 'webhook-deliveries'

export const deliveryStatuses = ['pending', 'retrying', 'succeeded', 'failed', 'refused'] as const

/** One row per delivery attempt: what was sent where, and what came back. Written by jobs only. */
export const deliveriesCollection = (config: SanitizedDistributionConfig): CollectionConfig => ({
  slug: DELIVERIES_SLUG,
  labels: collectionLabels(
    { en: 'Webhook delivery', ko: '웹훅 전송' },
    { en: 'Webhook deliveries', ko: '웹훅 전송 기록' },
  ),
  admin: {
    useAsTitle: 'webhookId',
    defaultColumns: [
      'createdAt',
      'channel',
      'event',
      'article',
      'attempt',
      'status',
      'httpStatus',
      'durationMs',
    ],
    group: { en: 'Distribution', ko: '배포' },
    listSearchableFields: ['webhookId', 'documentId'],
  },
  defaultSort: '-createdAt',
  // One row per attempt, created before the request is sent: the unique pair is the claim that
  // keeps two workers from sending the same attempt.
  indexes: [{ fields: ['webhookId', 'attempt'], unique: true }],
  // The audit trail of what was sent: jobs write it (overrideAccess); nobody creates, edits or deletes a row through the API.
  access: {
    read: canReadDistribution,
    create: () => false,
    update: () => false,
    delete: () => false,
  },
  endpoints: [replayDeliveryEndpoint()],
  fields: [
    {
      // Replay under the same webhook-id (UI only, nothing stored).
      name: 'replay',
      type: 'ui',
      label: { en: 'Replay', ko: '다시 보내기' },
      admin: {
        position: 'sidebar',
        disableListColumn: true,
        components: {
          Field: '/../plugins/distribution/components/ReplayDeliveryField#ReplayDeliveryField',
        },
      },
    },
    {
      name: 'channel',
      type: 'relationship',
      relationTo: CHANNELS_SLUG as never,
      index: true,
      label: { en: 'Channel', ko: '채널' },
    },
    {
      name: 'event',
      type: 'select',
      label: { en: 'Event', ko: '이벤트' },
      options: [
        ...channelEvents.map((value) => ({ label: channelEventLabels[value], value })),
        { label: { en: 'Test (test)', ko: '테스트 (test)' }, value: 'test' },
      ],
      index: true,
    },
    {
      name: 'article',
      type: 'relationship',
      relationTo: config.articles as never,
      index: true,
      label: { en: 'Article', ko: '기사' },
    },
    {
      name: 'documentId',
      type: 'text',
      index: true,
      label: { en: 'Article ID', ko: '기사 ID' },
      admin: {
        description: {
          en: 'The article id, kept when the article is deleted',
          ko: '기사를 지워도 남는 기사 ID',
        },
      },
    },
    { name: 'webhookId', type: 'text', index: true, label: 'webhook-id' },
    { name: 'attempt', type: 'number', label: { en: 'Attempt', ko: '시도' } },
    {
      name: 'status',
      type: 'select',
      index: true,
      label: { en: 'Status', ko: '결과' },
      options: deliveryStatuses.map((value) => ({ label: deliveryStatusLabels[value]!, value })),
      admin: {
        components: {
          Cell: '/../plugins/distribution/components/DeliveryStatusCell#DeliveryStatusCell',
        },
      },
    },
    { name: 'httpStatus', type: 'number', label: { en: 'HTTP status', ko: 'HTTP 상태' } },
    {
      name: 'durationMs',
      type: 'number',
      label: { en: 'Duration (ms)', ko: '소요 시간 (ms)' },
      admin: { disableListFilter: true },
    },
    { name: 'error', type: 'text', label: { en: 'Error', ko: '오류' } },
    {
      name: 'responseBody',
      type: 'textarea',
      label: { en: 'Response body', ko: '응답 본문' },
      admin: { description: { en: 'First 2 KB', ko: '앞 2 KB' }, disableListFilter: true },
    },
    {
      name: 'nextAttemptAt',
      type: 'date',
      label: { en: 'Next attempt', ko: '다음 시도' },
      admin: { disableListFilter: true, date: dateTimePicker },
    },
    {
      name: 'payload',
      type: 'json',
      label: { en: 'Body sent', ko: '보낸 본문' },
      admin: {
        description: { en: 'The body that was signed and sent', ko: '서명해 보낸 본문' },
        disableListColumn: true,
        disableListFilter: true,
      },
    },
  ],
})
