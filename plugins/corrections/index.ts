import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  Config,
  Field,
  PayloadRequest,
  Plugin,
} from 'payload'

import { APIError } from 'payload'

export type CorrectionsOptions = {
  /** Collections whose stories carry published corrections. @default ['articles'] */
  collections?: string[]
  /** The collection correction requests point at. @default 'articles' */
  articles?: string
  /** Who may add corrections and handle requests (the desk). @default roles admin or editor */
  isDesk?: (req: PayloadRequest) => boolean
  /**
   * Called after a save that makes new corrections public (a live story's), e.g. to tell channels;
   * runs in the save's transaction.
   */
  onCorrection?: (args: {
    added: Record<string, unknown>[]
    collection: string
    doc: Record<string, unknown> & { id: number | string }
    req: PayloadRequest
  }) => Promise<void> | void
  /** When false the schema stays and nothing is enforced. @default true */
  enabled?: boolean
}

export const CORRECTIONS_FIELD = 'corrections'
export const CORRECTION_REQUESTS = 'correction-requests'

export const correctionKinds = [
  { value: 'correction', label: { en: 'Correction', ko: '정정' } },
  { value: 'rebuttal', label: { en: 'Rebuttal', ko: '반론' } },
  { value: 'followUp', label: { en: 'Follow-up', ko: '추후보도' } },
  { value: 'update', label: { en: 'Update', ko: '수정' } },
]

const DAY = 24 * 60 * 60 * 1000
/** 언론중재법 제15조: answer whether it is accepted within 3 days, publish within 7 days of receipt. */
export const ANSWER_WITHIN_DAYS = 3
export const PUBLISH_WITHIN_DAYS = 7

const defaultIsDesk = (req: PayloadRequest) =>
  ((req.user as { roles?: string[] } | null)?.roles ?? []).some(
    (role) => role === 'admin' || role === 'editor',
  )

const userName = (req: PayloadRequest) => {
  const user = req.user as { email?: string; name?: string } | null
  return user?.name || user?.email || null
}

type Entry = { id?: string; kind?: string; publishedAt?: string; text?: string }

const sameEntry = (a: Entry, b: Entry) =>
  a.kind === b.kind &&
  a.text === b.text &&
  new Date(a.publishedAt ?? 0).getTime() === new Date(b.publishedAt ?? 0).getTime()

/**
 * Corrections are a public record: once saved, an entry is neither removed nor reworded (a new
 * entry says what changed); each is stamped with its time and the editor who made it.
 */
const keepCorrectionsRecord =
  (isDesk: (req: PayloadRequest) => boolean): CollectionBeforeChangeHook =>
  ({ data, originalDoc, req }) => {
    if (!(CORRECTIONS_FIELD in data)) return data
    const before = ((originalDoc?.[CORRECTIONS_FIELD] ?? []) as Entry[]).filter((entry) => entry.id)
    const after = (Array.isArray(data[CORRECTIONS_FIELD]) ? data[CORRECTIONS_FIELD] : []) as Entry[]
    const byId = new Map(after.filter((entry) => entry.id).map((entry) => [entry.id, entry]))
    const lost = before.filter((entry) => {
      const kept = byId.get(entry.id)
      return !kept || !sameEntry(entry, kept)
    })
    if (lost.length)
      throw new APIError(
        '게시된 정정·반론 기록은 지우거나 고칠 수 없습니다. 새 항목을 추가하세요 (published corrections are append-only).',
        400,
        { code: 'VALIDATION' },
        true,
      )
    const known = new Set(before.map((entry) => entry.id))
    const added = after.filter((entry) => !entry.id || !known.has(entry.id))
    if (added.length && req.user && !isDesk(req))
      throw new APIError(
        '정정·반론은 데스크만 추가할 수 있습니다 (only the desk adds corrections).',
        403,
        { code: 'FORBIDDEN' },
        true,
      )
    data[CORRECTIONS_FIELD] = after.map((entry) =>
      entry.id && known.has(entry.id)
        ? entry
        : {
            ...entry,
            publishedAt: entry.publishedAt || new Date().toISOString(),
            editor: userName(req),
          },
    )
    return data
  }

const announceCorrections =
  (onCorrection: NonNullable<CorrectionsOptions['onCorrection']>): CollectionAfterChangeHook =>
  async ({ collection, doc, previousDoc, req }) => {
    if (doc._status !== 'published') return doc
    const known = new Set(
      ((previousDoc?.[CORRECTIONS_FIELD] ?? []) as Entry[]).map((entry) => entry.id),
    )
    const added = ((doc[CORRECTIONS_FIELD] ?? []) as Entry[]).filter(
      (entry) => !known.has(entry.id),
    )
    if (added.length) await onCorrection({ added, collection: collection.slug, doc, req })
    return doc
  }

const correctionsField = (): Field => ({
  name: CORRECTIONS_FIELD,
  type: 'array',
  label: { en: 'Corrections', ko: '정정·반론보도' },
  labels: {
    singular: { en: 'Correction', ko: '정정·반론' },
    plural: { en: 'Corrections', ko: '정정·반론' },
  },
  admin: {
    description: {
      en: 'Shown to readers with the story. Entries cannot be removed or reworded once saved.',
      ko: '독자에게 기사와 함께 보입니다. 저장한 항목은 지우거나 고칠 수 없습니다.',
    },
  },
  fields: [
    {
      name: 'kind',
      type: 'select',
      required: true,
      defaultValue: 'correction',
      label: { en: 'Kind', ko: '종류' },
      options: correctionKinds,
    },
    {
      name: 'text',
      type: 'textarea',
      required: true,
      maxLength: 5000,
      label: { en: 'Text shown to readers', ko: '독자에게 보일 문구' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      label: { en: 'Date', ko: '게재 일시' },
      admin: {
        readOnly: true,
        date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
      },
    },
    {
      name: 'editor',
      type: 'text',
      label: { en: 'Editor', ko: '담당 편집자' },
      admin: { readOnly: true },
    },
  ],
})

const addDays = (value: unknown, days: number) => {
  const time = new Date(value as string).getTime()
  return Number.isNaN(time) ? null : new Date(time + days * DAY).toISOString()
}

/** 언론중재법 정정·반론·추후보도 청구: logged with their legal deadlines, listed by the nearest one. */
const correctionRequests = (options: {
  articles: string
  isDesk: (req: PayloadRequest) => boolean
}): CollectionConfig => {
  const desk = ({ req }: { req: PayloadRequest }) => options.isDesk(req)
  return {
    slug: CORRECTION_REQUESTS,
    labels: {
      singular: { en: 'Correction request', ko: '정정보도 청구' },
      plural: { en: 'Correction requests', ko: '정정보도 청구' },
    },
    admin: {
      group: { en: 'Newsroom', ko: '편집국' },
      useAsTitle: 'requester',
      defaultColumns: ['requester', 'kind', 'article', 'status', 'answerDueAt', 'publishDueAt'],
      description: {
        en: 'Answer within 3 days of receipt; publish an accepted request within 7 days (Press Arbitration Act, art. 15).',
        ko: '청구를 받은 날부터 3일 안에 수용 여부를 알리고, 수용하면 7일 안에 게재합니다 (언론중재법 제15조).',
      },
    },
    defaultSort: 'answerDueAt',
    access: {
      read: desk,
      create: desk,
      update: desk,
      delete: ({ req }) =>
        (req.user as { roles?: string[] } | null)?.roles?.includes('admin') ?? false,
    },
    fields: [
      {
        name: 'kind',
        type: 'select',
        required: true,
        label: { en: 'Kind', ko: '청구 종류' },
        options: [
          { value: 'correction', label: { en: 'Correction', ko: '정정보도' } },
          { value: 'rebuttal', label: { en: 'Rebuttal', ko: '반론보도' } },
          { value: 'followUp', label: { en: 'Follow-up', ko: '추후보도' } },
        ],
      },
      { name: 'requester', type: 'text', required: true, label: { en: 'Requester', ko: '청구인' } },
      { name: 'contact', type: 'text', label: { en: 'Contact', ko: '연락처' } },
      {
        name: 'article',
        type: 'relationship',
        relationTo: options.articles as never,
        label: { en: 'Article', ko: '대상 기사' },
      },
      { name: 'claim', type: 'textarea', required: true, label: { en: 'Claim', ko: '청구 내용' } },
      {
        name: 'receivedAt',
        type: 'date',
        required: true,
        index: true,
        label: { en: 'Received', ko: '접수 일시' },
        admin: { date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' } },
      },
      {
        name: 'status',
        type: 'select',
        required: true,
        defaultValue: 'received',
        index: true,
        label: { en: 'Status', ko: '처리 상태' },
        options: [
          { value: 'received', label: { en: 'Received', ko: '접수' } },
          { value: 'accepted', label: { en: 'Accepted', ko: '수용' } },
          { value: 'rejected', label: { en: 'Rejected', ko: '거부' } },
          { value: 'published', label: { en: 'Published', ko: '게재 완료' } },
          {
            value: 'arbitration',
            label: { en: 'At the Press Arbitration Commission', ko: '언론중재위 회부' },
          },
        ],
      },
      {
        name: 'answerDueAt',
        type: 'date',
        index: true,
        access: { create: () => false, update: () => false },
        label: { en: 'Answer due', ko: '수용 여부 통지 기한' },
        admin: {
          readOnly: true,
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
        },
      },
      {
        name: 'publishDueAt',
        type: 'date',
        access: { create: () => false, update: () => false },
        label: { en: 'Publication due', ko: '게재 기한' },
        admin: {
          readOnly: true,
          date: { pickerAppearance: 'dayAndTime', displayFormat: 'yyyy-MM-dd HH:mm' },
        },
      },
      { name: 'answeredAt', type: 'date', label: { en: 'Answered', ko: '통지 일시' } },
      { name: 'note', type: 'textarea', label: { en: 'Desk note', ko: '데스크 메모' } },
    ],
    hooks: {
      beforeChange: [
        ({ data }) => {
          if (data.receivedAt) {
            data.answerDueAt = addDays(data.receivedAt, ANSWER_WITHIN_DAYS)
            data.publishDueAt = addDays(data.receivedAt, PUBLISH_WITHIN_DAYS)
          }
          return data
        },
      ],
    },
    endpoints: [
      {
        // The desk's worklist: what is still open, nearest deadline first, overdue ones flagged.
        path: '/open',
        method: 'get',
        handler: async (req) => {
          if (!options.isDesk(req))
            throw new APIError('데스크만 볼 수 있습니다 (editors only)', 403, null, true)
          const now = Date.now()
          const open = await req.payload.find({
            collection: CORRECTION_REQUESTS as never,
            where: { status: { in: ['received', 'accepted'] } },
            sort: 'answerDueAt',
            limit: 200,
            depth: 0,
            req,
            overrideAccess: true,
          })
          return Response.json({
            docs: open.docs.map((doc) => {
              const request = doc as unknown as Record<string, string>
              const due = request.status === 'received' ? request.answerDueAt : request.publishDueAt
              return { ...request, nextDeadline: due, isOverdue: new Date(due).getTime() < now }
            }),
            totalDocs: open.totalDocs,
          })
        },
      },
    ],
  }
}

/**
 * 정정보도 and friends: published corrections on a story (part of its public record, append-only,
 * stamped with time and editor), and requests under the Press Arbitration Act logged with their
 * 3- and 7-day deadlines.
 */
export const corrections =
  (incoming: CorrectionsOptions = {}): Plugin =>
  (config: Config): Config => {
    const options: Required<Omit<CorrectionsOptions, 'onCorrection'>> &
      Pick<CorrectionsOptions, 'onCorrection'> = {
      onCorrection: incoming.onCorrection,
      collections: incoming.collections ?? ['articles'],
      articles: incoming.articles ?? 'articles',
      isDesk: incoming.isDesk ?? defaultIsDesk,
      enabled: incoming.enabled ?? true,
    }
    const collections = (config.collections ?? []).map((collection): CollectionConfig => {
      if (!options.collections.includes(collection.slug)) return collection
      const fields = [...collection.fields, correctionsField()]
      if (!options.enabled) return { ...collection, fields }
      return {
        ...collection,
        fields,
        hooks: {
          ...collection.hooks,
          beforeChange: [
            ...(collection.hooks?.beforeChange ?? []),
            keepCorrectionsRecord(options.isDesk),
          ],
          afterChange: [
            ...(collection.hooks?.afterChange ?? []),
            ...(options.onCorrection ? [announceCorrections(options.onCorrection)] : []),
          ],
        },
      }
    })
    return { ...config, collections: [...collections, correctionRequests(options)] }
  }
