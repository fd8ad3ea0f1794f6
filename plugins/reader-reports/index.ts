import type {
  CollectionBeforeChangeHook,
  CollectionBeforeOperationHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  FieldAccess,
  Plugin,
  PayloadRequest,
} from 'payload'

import type { SanitizedReaderReportsConfig, ReaderReportsOptions } from './types'

import { addReaderDeletionListener, type ReaderDeletionListener } from '../readers/readerDeletion'
import { InputError } from '../shared/inputError'
import { anonymousReadWhere } from '../shared/publicArticles'
import { readerOf, submitterKey } from '../shared/readerClient'
import { idOf } from '../shared/relationIds'
import { deskStamps } from '../shared/deskFields'
import { collectionLabels } from '../shared/labels'
import { submissionLimiter, withSubmissionCollection } from '../shared/readerSubmissions'
import { reportReasons, reportStatuses, sanitizeReaderReportsOptions } from './defaults'

export type { ReaderReportsOptions } from './types'
export { REPORTS_SLUG, reportReasons, reportStatuses } from './defaults'

const SUBMITTER = 'readerReportsSubmitter'

/**
 * Counts every report attempt from outside (REST, GraphQL; not server code) against the client's
 * address and the signed-in reader, before anything else runs: past a limit, 429 with Retry-After.
 */
const limitReports =
  (
    config: SanitizedReaderReportsConfig,
    limit: (req: PayloadRequest) => Promise<void>,
  ): CollectionBeforeOperationHook =>
  async ({ args, operation, req }) => {
    if (operation !== 'create' || req.payloadAPI === 'local' || config.isDesk(req)) return args
    await limit(req)
    req.context[SUBMITTER] = submitterKey(req, config.readers, config.trustedProxies)
    return args
  }

/**
 * A report from outside: only on an article readers can read now (else 404, as if it did not
 * exist), stamped with who sent it (a key, not a name), and at most one open report per article
 * and sender (else 409 CONFLICT). The desk's own entries from the admin skip these rules.
 */
const checkNewReport =
  (config: SanitizedReaderReportsConfig): CollectionBeforeChangeHook =>
  async ({ data, operation, req }) => {
    if (operation !== 'create' || req.payloadAPI === 'local' || config.isDesk(req)) return data
    const articleId = idOf(data.article)
    const readable = await anonymousReadWhere(req, config.articles)
    const found =
      articleId === null || readable === false
        ? 0
        : (
            await req.payload.count({
              collection: config.articles as CollectionSlug,
              overrideAccess: true,
              req,
              where: { and: [{ id: { equals: articleId } }, readable] },
            })
          ).totalDocs
    if (!found)
      throw new InputError('신고할 기사를 찾을 수 없습니다 (article not found)', 'NOT_FOUND', 404)
    const key =
      (req.context[SUBMITTER] as string | undefined) ??
      submitterKey(req, config.readers, config.trustedProxies)
    const duplicate = await req.payload.count({
      collection: config.slug as CollectionSlug,
      overrideAccess: true,
      req,
      where: {
        and: [
          { article: { equals: articleId } },
          { submitter: { equals: key } },
          { status: { equals: 'open' } },
        ],
      },
    })
    if (duplicate.totalDocs > 0)
      throw new InputError(
        '이미 이 기사를 신고하셨습니다. 처리될 때까지 기다려 주세요 (already reported)',
        'CONFLICT',
        409,
      )
    const reader = readerOf(req, config.readers)
    return {
      ...data,
      status: 'open',
      submitter: key,
      reader: reader ? String(reader.id) : null,
    }
  }

/** Closing a report stamps who closed it and when; reopening clears both. */
const stampResolution =
  (config: SanitizedReaderReportsConfig): CollectionBeforeChangeHook =>
  ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || !data.status || data.status === originalDoc?.status) return data
    const closed = data.status === 'resolved' || data.status === 'dismissed'
    const staff = req.user && req.user.collection === config.users ? req.user.id : null
    return {
      ...data,
      resolvedAt: closed ? new Date().toISOString() : null,
      resolvedBy: closed ? staff : null,
    }
  }

/**
 * A reader who deletes their account leaves their reports to the desk, naming no one: the account
 * id and the sender key (`reader:<id>`) are cleared; the reason and text stay for the queue.
 */
const anonymiseReports =
  (config: SanitizedReaderReportsConfig): ReaderDeletionListener =>
  async ({ collection, id, req }) => {
    if (collection !== config.readers) return
    await req.payload.update({
      collection: config.slug as CollectionSlug,
      where: { reader: { equals: String(id) } },
      data: { reader: null, submitter: null },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }

const reportsCollection = (config: SanitizedReaderReportsConfig): CollectionConfig => {
  const desk = ({ req }: { req: PayloadRequest }) => config.isDesk(req)
  const deskField: FieldAccess = ({ req }) => config.isDesk(req)
  const stamp = deskStamps(deskField)
  return {
    slug: config.slug,
    labels: collectionLabels({ en: 'Report', ko: '신고' }, { en: 'Reports', ko: '신고' }),
    admin: {
      group: { en: 'Readers', ko: '독자' },
      // Titled by when it came in: the reason is a select, whose raw value (`falsehood`) Payload
      // would show as the title, untranslated.
      useAsTitle: 'createdAt',
      defaultColumns: ['createdAt', 'article', 'reason', 'text', 'status', 'resolvedBy'],
      listSearchableFields: ['text'],
      description: {
        en: 'Readers’ reports on articles. Filter by status for the open queue; resolve or dismiss with a note.',
        ko: '독자가 기사를 신고한 내역입니다. 상태로 걸러 접수된 신고를 보고, 메모와 함께 처리 완료 또는 기각하세요.',
      },
    },
    defaultSort: '-createdAt',
    access: {
      // The desk reads all; a reader their own (by their account); anonymous nobody.
      read: ({ req }) => {
        if (config.isDesk(req)) return true
        const reader = readerOf(req, config.readers)
        return reader ? { reader: { equals: String(reader.id) } } : false
      },
      create: ({ req }) => config.enabled || config.isDesk(req),
      update: desk,
      delete: ({ req }) =>
        ((req.user as { roles?: string[] } | null)?.roles ?? []).includes('admin'),
    },
    fields: [
      {
        name: 'article',
        type: 'relationship',
        relationTo: config.articles as never,
        required: true,
        index: true,
        label: { en: 'Article', ko: '기사' },
      },
      {
        name: 'reason',
        type: 'select',
        required: true,
        label: { en: 'Reason', ko: '신고 사유' },
        options: reportReasons,
      },
      {
        name: 'text',
        type: 'textarea',
        maxLength: config.maxTextLength,
        label: { en: 'Details', ko: '내용' },
      },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'open',
        index: true,
        label: { en: 'Status', ko: '처리 상태' },
        options: reportStatuses,
        access: { create: deskField, update: deskField },
        admin: { position: 'sidebar' },
      },
      {
        name: 'resolutionNote',
        type: 'textarea',
        maxLength: 2000,
        label: { en: 'Resolution note', ko: '처리 메모' },
        access: { read: deskField, create: deskField, update: deskField },
      },
      stamp.by('resolvedBy', { en: 'Resolved by', ko: '처리자' }, config.users ?? 'users'),
      stamp.at('resolvedAt', { en: 'Resolved at', ko: '처리 일시' }),
      // The reader's account id, cleared when the reader deletes their account.
      stamp.text('reader', { en: 'Reader account', ko: '독자 계정' }),
      // Who sent it, as a key (account, browser token or address, opaque): duplicates.
      stamp.text('submitter', { en: 'Sender key', ko: '신고자 식별값' }),
    ],
  }
}

/**
 * 신고하기: readers (signed in or not) report an article with a reason; the desk works the queue
 * in the admin. Rate-limited per address and per reader, one open report per article and sender.
 */
export const readerReports =
  (options: ReaderReportsOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeReaderReportsOptions({
      users:
        options.users ??
        (typeof incomingConfig.admin?.user === 'string' ? incomingConfig.admin.user : 'users'),
      ...options,
    })
    const collection = reportsCollection(config)
    // Called by the readers plugin when a reader deletes their account (nothing when it is off).
    incomingConfig = addReaderDeletionListener(incomingConfig, anonymiseReports(config))
    if (!config.enabled) return withSubmissionCollection(incomingConfig, collection)
    return withSubmissionCollection(incomingConfig, collection, {
      beforeOperation: [limitReports(config, submissionLimiter(config))],
      beforeChange: [checkNewReport(config), stampResolution(config)],
    })
  }
