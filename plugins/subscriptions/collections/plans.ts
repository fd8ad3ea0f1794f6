import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { collectionLabels } from '../../shared/labels'
import { documentKey, listKey } from '../../shared/surrogateKeys'
import { isDeskRequest } from '../access'

/** Every change to a plan (a save, a delete) is told once, so caches drop their copies. */
const tellChange =
  (config: SanitizedSubscriptionsConfig): CollectionAfterChangeHook & CollectionAfterDeleteHook =>
  async ({ doc, req }: { doc: { id: number | string }; req: PayloadRequest }) => {
    if (config.enabled && config.onChange)
      await config.onChange({
        req,
        keys: [documentKey(config.plansSlug, doc.id), listKey(config.plansSlug)],
        reason: 'subscription-plans.changed',
      })
    return doc
  }

/** 구독 요금제: public while active (REST and GraphQL), managed by the desk. */
export const plansCollection = (config: SanitizedSubscriptionsConfig): CollectionConfig => ({
  slug: config.plansSlug,
  labels: collectionLabels(
    { en: 'Subscription plan', ko: '구독 요금제' },
    { en: 'Subscription plans', ko: '구독 요금제' },
  ),
  admin: {
    group: { en: 'Subscriptions', ko: '구독' },
    useAsTitle: 'name',
    defaultColumns: ['name', 'amount', 'period', 'active', 'order'],
    description: {
      en: 'What readers can pledge to pay by bank transfer. Only active plans are public.',
      ko: '독자가 무통장입금으로 신청하는 요금제입니다. 사용 중인 요금제만 공개됩니다.',
    },
  },
  defaultSort: 'order',
  hooks: { afterChange: [tellChange(config)], afterDelete: [tellChange(config)] },
  access: {
    read: ({ req }) => isDeskRequest(config, req) || { active: { equals: true } },
    create: ({ req }) => isDeskRequest(config, req),
    update: ({ req }) => isDeskRequest(config, req),
    delete: ({ req }) => isDeskRequest(config, req),
  },
  fields: [
    {
      name: 'name',
      type: 'text',
      required: true,
      maxLength: 100,
      label: { en: 'Name', ko: '이름' },
    },
    {
      name: 'amount',
      type: 'number',
      required: true,
      min: 0,
      label: { en: 'Amount (KRW)', ko: '금액 (원)' },
      validate: (value: null | number | undefined) =>
        Number.isInteger(value) && (value as number) >= 0
          ? true
          : '금액은 0 이상의 정수(원)여야 합니다 (a whole number of won)',
    },
    {
      name: 'period',
      type: 'number',
      required: true,
      min: 1,
      defaultValue: 12,
      label: { en: 'Period (months)', ko: '기간 (개월)' },
      validate: (value: null | number | undefined) =>
        Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 120
          ? true
          : '기간은 1~120개월이어야 합니다 (1 to 120 months)',
    },
    {
      name: 'active',
      type: 'checkbox',
      defaultValue: true,
      index: true,
      label: { en: 'Active', ko: '사용' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'order',
      type: 'number',
      defaultValue: 0,
      label: { en: 'Order', ko: '순서' },
      admin: { position: 'sidebar' },
    },
  ],
})
