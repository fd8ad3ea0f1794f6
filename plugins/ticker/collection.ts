import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionConfig,
  PayloadRequest,
} from 'payload'

import type { SanitizedTickerConfig } from './types'

import { collectionLabels } from '../shared/labels'
import { listKey } from '../shared/surrogateKeys'
import { readCurrentItems } from './currentItems'

const isHttpUrl = (value: unknown): boolean => {
  if (typeof value !== 'string') return false
  try {
    const url = new URL(value)
    return url.protocol === 'https:' || url.protocol === 'http:'
  } catch {
    return false
  }
}

const dayAndTime = {
  date: { pickerAppearance: 'dayAndTime' as const, displayFormat: 'yyyy-MM-dd HH:mm' },
}

/** Every change to the ticker (a save, a delete) is told once, so caches drop their copies. */
const tellChange =
  (config: SanitizedTickerConfig): CollectionAfterChangeHook & CollectionAfterDeleteHook =>
  async ({ doc, req }: { doc: unknown; req: PayloadRequest }) => {
    if (config.enabled && config.onChange)
      await config.onChange({ req, keys: [listKey(config.slug)], reason: 'ticker.changed' })
    return doc
  }

/** 티커뉴스: the desk's breaking lines, each a text with a link or an article, in a time window. */
export const tickerCollection = (config: SanitizedTickerConfig): CollectionConfig => {
  const desk = ({ req }: { req: PayloadRequest }) => config.isDesk(req)
  const changed = tellChange(config)
  return {
    slug: config.slug,
    labels: collectionLabels(
      { en: 'Ticker item', ko: '티커뉴스' },
      { en: 'Ticker', ko: '티커뉴스' },
    ),
    admin: {
      group: { en: 'Newsroom', ko: '편집국' },
      useAsTitle: 'text',
      defaultColumns: ['text', 'article', 'active', 'startsAt', 'endsAt', 'order', 'source'],
      description: {
        en: 'Lines on the site’s news ticker. Readers see items switched on, within their start and end, lowest order first. GET /api/ticker-items/current and GraphQL `ticker`.',
        ko: '사이트 티커(속보 띠)에 나가는 문구입니다. 노출이 켜져 있고 시작·종료 시각 사이인 항목이 순서가 낮은 것부터 보입니다.',
      },
    },
    defaultSort: 'order',
    access: { read: desk, create: desk, update: desk, delete: desk },
    fields: [
      {
        name: 'text',
        type: 'text',
        maxLength: 200,
        label: { en: 'Text', ko: '문구' },
        admin: {
          description: {
            en: 'Empty: the linked article’s title.',
            ko: '비워 두면 연결한 기사의 제목이 나갑니다.',
          },
        },
        validate: (value: unknown, { siblingData }: { siblingData: Record<string, unknown> }) =>
          (typeof value === 'string' && value.trim() !== '') || siblingData?.article
            ? true
            : '문구를 쓰거나 기사를 연결하세요 (text or an article is required)',
      },
      {
        name: 'link',
        type: 'text',
        maxLength: 2000,
        label: { en: 'Link URL', ko: '링크 URL' },
        validate: (value: unknown) =>
          value === null || value === undefined || value === '' || isHttpUrl(value)
            ? true
            : 'http(s) 주소를 입력하세요 (an http or https URL)',
      },
      {
        name: 'article',
        type: 'relationship',
        relationTo: config.articles as never,
        label: { en: 'Article', ko: '기사' },
        admin: {
          description: {
            en: 'Shown only while the article is published.',
            ko: '기사가 출고된 동안에만 보입니다.',
          },
        },
      },
      {
        type: 'row',
        fields: [
          {
            name: 'startsAt',
            type: 'date',
            index: true,
            label: { en: 'Starts', ko: '시작' },
            admin: dayAndTime,
          },
          {
            name: 'endsAt',
            type: 'date',
            index: true,
            label: { en: 'Ends', ko: '종료' },
            admin: dayAndTime,
            validate: (
              value: unknown,
              { siblingData }: { siblingData: Record<string, unknown> },
            ) =>
              !value ||
              !siblingData?.startsAt ||
              new Date(value as string).getTime() >
                new Date(siblingData.startsAt as string).getTime()
                ? true
                : '종료는 시작보다 뒤여야 합니다 (ends must be after starts)',
          },
        ],
      },
      {
        name: 'order',
        type: 'number',
        defaultValue: 0,
        index: true,
        label: { en: 'Order', ko: '순서' },
        admin: {
          position: 'sidebar',
          description: { en: 'Lowest first.', ko: '작은 수가 먼저 나옵니다.' },
        },
      },
      {
        name: 'active',
        type: 'checkbox',
        defaultValue: true,
        index: true,
        label: { en: 'On', ko: '노출' },
        admin: { position: 'sidebar' },
      },
      {
        name: 'source',
        type: 'select',
        defaultValue: 'manual',
        label: { en: 'Source', ko: '출처' },
        options: [
          { value: 'manual', label: { en: 'Entered by the desk', ko: '직접 입력' } },
          { value: 'breaking', label: { en: '속보 article', ko: '속보 기사 자동' } },
        ],
        access: { create: () => false, update: () => false },
        admin: { position: 'sidebar', readOnly: true },
      },
    ],
    hooks: { afterChange: [changed], afterDelete: [changed] },
    endpoints: [
      {
        // The reader's ticker: public, cacheable (withHttpCache names its surrogate keys).
        path: '/current',
        method: 'get',
        handler: async (req) => {
          const docs = config.enabled ? await readCurrentItems(config, req) : []
          return Response.json({ docs })
        },
      },
    ],
  }
}
