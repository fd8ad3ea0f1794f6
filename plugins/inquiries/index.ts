import type {
  CollectionAfterChangeHook,
  CollectionBeforeChangeHook,
  CollectionConfig,
  CollectionSlug,
  Config,
  FieldAccess,
  Plugin,
  PayloadRequest,
  Where,
} from 'payload'

import type { InquiriesOptions, SanitizedInquiriesConfig } from './types'

import { addReaderDeletionListener, type ReaderDeletionListener } from '../readers/readerDeletion'
import { InputError } from '../shared/inputError'
import { deskStamps } from '../shared/deskFields'
import { collectionLabels } from '../shared/labels'
import { readerOf } from '../shared/readerClient'
import { idOf } from '../shared/relationIds'
import {
  guardSubmission,
  submissionLimiter,
  withSubmissionCollection,
} from '../shared/readerSubmissions'
import { SEND_INQUIRY_TASK, sanitizeInquiriesOptions } from './defaults'
import { sendInquiryTask } from './sendInquiry'

export type { InquiriesOptions } from './types'
export { INQUIRIES_SLUG, SEND_INQUIRY_TASK } from './defaults'
export { deskEmails } from './sendInquiry'

const isStaffUser = (config: SanitizedInquiriesConfig, req: PayloadRequest): boolean =>
  Boolean(req.user) &&
  req.user!.collection === config.users &&
  ((req.user as { roles?: string[] }).roles ?? []).length > 0

/**
 * A new inquiry names its reporter only when it goes to one (who must exist); the desk's go to no
 * one in particular. A reader's carries their account.
 */
const prepareInquiry =
  (config: SanitizedInquiriesConfig): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation === 'create') {
      const to = data.to ?? 'desk'
      const reporterId = idOf(data.reporter)
      if (to === 'reporter') {
        const exists =
          reporterId !== null &&
          (
            await req.payload.count({
              collection: config.reporters as CollectionSlug,
              overrideAccess: true,
              req,
              where: { id: { equals: reporterId } },
            })
          ).totalDocs > 0
        if (!exists)
          throw new InputError(
            '문의할 기자를 찾을 수 없습니다 (reporter not found)',
            'NOT_FOUND',
            404,
          )
      }
      const reader = readerOf(req, config.readers)
      return {
        ...data,
        to,
        reporter: to === 'reporter' ? reporterId : null,
        reader: reader ? String(reader.id) : null,
      }
    }
    // An answer written (or changed) stamps who answered and when, and marks the inquiry answered.
    const answer = typeof data.answer === 'string' ? data.answer.trim() : ''
    if (answer && answer !== (originalDoc?.answer ?? '')) {
      return {
        ...data,
        answeredAt: new Date().toISOString(),
        answeredBy: req.user?.collection === config.users ? req.user.id : null,
        status: data.status && data.status !== 'new' ? data.status : 'answered',
      }
    }
    return data
  }

const queueEmail =
  (config: SanitizedInquiriesConfig): CollectionAfterChangeHook =>
  async ({ doc, operation, req }) => {
    if (operation !== 'create' || !config.notify) return doc
    // With the save's transaction: a rolled-back submission sends nothing; the send is the job's.
    await req.payload.jobs.queue({
      task: SEND_INQUIRY_TASK,
      input: { id: String(doc.id) },
      req,
    } as never)
    return doc
  }

/** What stands in for a deleted reader's name and address (`.invalid`: a domain that never exists). */
export const DELETED_READER = { name: '탈퇴한 독자', email: 'deleted-reader@deleted.invalid' }

/**
 * A reader who deletes their account leaves their inquiries to the desk, naming no one: the
 * account id, name, email and phone go (name and email are required: placeholders stand in); the
 * subject, message and answer stay on record.
 */
const anonymiseInquiries =
  (config: SanitizedInquiriesConfig): ReaderDeletionListener =>
  async ({ collection, id, req }) => {
    if (collection !== config.readers) return
    await req.payload.update({
      collection: config.slug as CollectionSlug,
      where: { reader: { equals: String(id) } },
      data: { ...DELETED_READER, phone: null, reader: null },
      overrideAccess: true,
      depth: 0,
      req,
    })
  }

const inquiriesCollection = (config: SanitizedInquiriesConfig): CollectionConfig => {
  const staffField: FieldAccess = ({ req }) => isStaffUser(config, req)
  const deskField: FieldAccess = ({ req }) => config.isDesk(req)
  const nobody: FieldAccess = () => false
  const stamp = deskStamps(staffField)
  // The desk sees every inquiry; a reporter those addressed to them; a reader their own.
  const own = ({ req }: { req: PayloadRequest }): boolean | Where => {
    if (config.isDesk(req)) return true
    if (isStaffUser(config, req)) {
      const reporter = config.reporterOf(req)
      return reporter === null ? false : { reporter: { equals: reporter } }
    }
    const reader = readerOf(req, config.readers)
    return reader ? { reader: { equals: String(reader.id) } } : false
  }
  const { maxLengths } = config
  return {
    slug: config.slug,
    labels: collectionLabels(
      { en: 'Inquiry', ko: '이메일문의' },
      { en: 'Inquiries', ko: '이메일문의' },
    ),
    admin: {
      group: { en: 'Readers', ko: '독자' },
      useAsTitle: 'subject',
      defaultColumns: ['createdAt', 'subject', 'name', 'to', 'reporter', 'status', 'answeredAt'],
      listSearchableFields: ['subject', 'name', 'email'],
      description: {
        en: 'Readers’ messages to a reporter or the desk. Each is emailed to the reporter and the desk; answer here.',
        ko: '독자가 기자나 데스크에 보낸 문의입니다. 접수되면 담당 기자와 데스크에 메일로 알립니다. 여기서 답변을 기록하세요.',
      },
    },
    defaultSort: '-createdAt',
    access: {
      read: own,
      create: ({ req }) => config.enabled || config.isDesk(req),
      // The desk answers any; a reporter those addressed to them; readers none.
      update: ({ req }) => (isStaffUser(config, req) ? own({ req }) : false),
      delete: ({ req }) =>
        ((req.user as { roles?: string[] } | null)?.roles ?? []).includes('admin'),
    },
    fields: [
      {
        name: 'to',
        type: 'select',
        defaultValue: 'desk',
        label: { en: 'To', ko: '받는 곳' },
        options: [
          { value: 'desk', label: { en: 'The desk', ko: '데스크' } },
          { value: 'reporter', label: { en: 'A reporter', ko: '기자' } },
        ],
        access: { update: deskField },
      },
      {
        name: 'reporter',
        type: 'relationship',
        relationTo: config.reporters as never,
        index: true,
        label: { en: 'Reporter', ko: '기자' },
        access: { update: deskField },
        admin: { condition: (data) => data?.to === 'reporter' },
      },
      {
        name: 'name',
        type: 'text',
        required: true,
        maxLength: maxLengths.name,
        label: { en: 'Name', ko: '이름' },
        access: { update: nobody },
      },
      {
        name: 'email',
        type: 'email',
        required: true,
        label: { en: 'Email', ko: '이메일' },
        access: { update: nobody },
        validate: (value: null | string | undefined) =>
          typeof value === 'string' &&
          value.length <= maxLengths.email &&
          /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)
            ? true
            : '올바른 이메일 주소를 입력하세요 (a valid email address)',
      },
      {
        name: 'phone',
        type: 'text',
        maxLength: maxLengths.phone,
        label: { en: 'Phone', ko: '전화번호' },
        access: { update: nobody },
        validate: (value: null | string | undefined) =>
          !value || /^[0-9+()\-\s]{6,}$/.test(value)
            ? true
            : '전화번호는 숫자와 - + ( ) 만 쓸 수 있습니다 (digits, - + ( ) only)',
      },
      {
        name: 'subject',
        type: 'text',
        required: true,
        maxLength: maxLengths.subject,
        label: { en: 'Subject', ko: '제목' },
        access: { update: nobody },
      },
      {
        name: 'message',
        type: 'textarea',
        required: true,
        maxLength: maxLengths.message,
        label: { en: 'Message', ko: '내용' },
        access: { update: nobody },
      },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'new',
        index: true,
        label: { en: 'Status', ko: '처리 상태' },
        options: [
          { value: 'new', label: { en: 'New', ko: '접수' } },
          { value: 'answered', label: { en: 'Answered', ko: '답변 완료' } },
          { value: 'closed', label: { en: 'Closed', ko: '종결' } },
        ],
        access: { create: staffField, update: staffField },
        admin: { position: 'sidebar' },
      },
      {
        name: 'answer',
        type: 'textarea',
        maxLength: 10000,
        label: { en: 'Staff answer', ko: '답변' },
        access: { read: staffField, create: staffField, update: staffField },
      },
      stamp.by('answeredBy', { en: 'Answered by', ko: '답변자' }, config.users),
      stamp.at('answeredAt', { en: 'Answered at', ko: '답변 일시' }),
      stamp.at('notifiedAt', { en: 'Emailed at', ko: '메일 발송' }),
      stamp.text('reader', { en: 'Reader account', ko: '독자 계정' }),
    ],
  }
}

/**
 * 이메일문의: readers (signed in or not) write to a reporter or the desk; each inquiry is stored,
 * then emailed to the reporter and the desk by a job; staff answer in the admin. Spam limits: a
 * honeypot field, maximum lengths, and rate limits per address and per reader.
 */
export const inquiries =
  (options: InquiriesOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeInquiriesOptions({
      users: typeof incomingConfig.admin?.user === 'string' ? incomingConfig.admin.user : 'users',
      ...options,
    })
    const collection = inquiriesCollection(config)
    // Called by the readers plugin when a reader deletes their account (nothing when it is off).
    incomingConfig = addReaderDeletionListener(incomingConfig, anonymiseInquiries(config))
    if (!config.enabled) return withSubmissionCollection(incomingConfig, collection)
    return {
      ...withSubmissionCollection(incomingConfig, collection, {
        beforeOperation: [
          guardSubmission({
            honeypotField: config.honeypotField,
            isExempt: (req) => isStaffUser(config, req),
            limit: submissionLimiter(config),
          }),
        ],
        beforeChange: [prepareInquiry(config)],
        afterChange: [queueEmail(config)],
      }),
      jobs: {
        ...incomingConfig.jobs,
        tasks: [...(incomingConfig.jobs?.tasks ?? []), sendInquiryTask(config)],
      },
    }
  }
