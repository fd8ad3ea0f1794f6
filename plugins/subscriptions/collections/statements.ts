import type { CollectionConfig } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { dateTimePicker } from '../../shared/datePickers'
import { collectionLabels } from '../../shared/labels'
import { isDeskRequest, nobody } from '../access'

const counter = (name: string, label: { en: string; ko: string }) => ({
  name,
  type: 'number' as const,
  defaultValue: 0,
  label,
  access: { create: nobody, update: nobody },
  admin: { position: 'sidebar' as const, readOnly: true },
})

/**
 * 입금내역 가져오기: the desk uploads the bank's statement export (CSV, EUC-KR or UTF-8). The file
 * is read at once (a bad one is refused, nothing stored) and kept as parsed lines; a job matches
 * them in batches, storing its progress here. The file itself is not stored.
 */
export const statementsCollection = (config: SanitizedSubscriptionsConfig): CollectionConfig => {
  return {
    slug: config.statementsSlug,
    labels: collectionLabels(
      { en: 'Bank statement import', ko: '입금내역 가져오기' },
      { en: 'Bank statement imports', ko: '입금내역 가져오기' },
    ),
    admin: {
      group: { en: 'Subscriptions', ko: '구독' },
      useAsTitle: 'filename',
      defaultColumns: [
        'filename',
        'status',
        'processedLines',
        'totalLines',
        'matchedLines',
        'ambiguousLines',
        'unmatchedLines',
        'createdAt',
      ],
      description: {
        en: 'Upload the bank’s deposit statement (CSV). Its lines are matched to pledges by a job; lines it cannot decide are listed under 입금내역 for you to resolve.',
        ko: '은행에서 내려받은 입금내역(CSV, EUC-KR 또는 UTF-8)을 올리세요. 작업이 신청과 맞춰 보고, 정하지 못한 줄은 입금내역 목록에서 직접 처리합니다.',
      },
    },
    defaultSort: '-createdAt',
    upload: {
      // The lines are kept in the database; the file has no use once read.
      disableLocalStorage: true,
      hideFileInputOnCreate: false,
    },
    access: {
      read: ({ req }) => isDeskRequest(config, req),
      create: ({ req }) => isDeskRequest(config, req) && config.enabled,
      // An import is a record of what came in: never replaced, only read.
      update: () => false,
      delete: ({ req }) =>
        ((req.user as { roles?: string[] } | null)?.roles ?? []).includes('admin') &&
        isDeskRequest(config, req),
    },
    fields: [
      {
        name: 'status',
        type: 'select',
        defaultValue: 'queued',
        index: true,
        label: { en: 'Status', ko: '처리 상태' },
        options: [
          { value: 'queued', label: { en: 'Queued', ko: '대기' } },
          { value: 'processing', label: { en: 'Processing', ko: '처리 중' } },
          { value: 'done', label: { en: 'Done', ko: '완료' } },
          { value: 'failed', label: { en: 'Failed', ko: '실패' } },
        ],
        access: { create: nobody, update: nobody },
        admin: { position: 'sidebar', readOnly: true },
      },
      counter('totalLines', { en: 'Deposit lines', ko: '입금 줄 수' }),
      counter('processedLines', { en: 'Processed', ko: '처리한 줄' }),
      counter('matchedLines', { en: 'Matched', ko: '자동 확인' }),
      counter('ambiguousLines', { en: 'Ambiguous', ko: '후보 여럿' }),
      counter('unmatchedLines', { en: 'Unmatched', ko: '해당 없음' }),
      counter('duplicateLines', { en: 'Already imported', ko: '이미 가져온 줄' }),
      counter('skippedLines', { en: 'Withdrawals skipped', ko: '출금 등 제외' }),
      {
        name: 'encoding',
        type: 'text',
        label: { en: 'Encoding', ko: '문자 인코딩' },
        access: { create: nobody, update: nobody },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'error',
        type: 'textarea',
        label: { en: 'Error', ko: '오류' },
        access: { create: nobody, update: nobody },
        admin: { readOnly: true, condition: (data) => Boolean(data?.error) },
      },
      {
        name: 'finishedAt',
        type: 'date',
        label: { en: 'Finished at', ko: '완료 일시' },
        access: { create: nobody, update: nobody },
        admin: { position: 'sidebar', readOnly: true, date: dateTimePicker },
      },
      {
        // The parsed deposits awaiting the job; emptied once it is done.
        name: 'pendingRows',
        type: 'json',
        access: { read: nobody, create: nobody, update: nobody },
        admin: { hidden: true },
      },
      {
        name: 'lines',
        type: 'join',
        collection: config.linesSlug as never,
        on: 'statement',
        defaultLimit: 50,
        defaultSort: 'line',
        label: { en: 'Lines', ko: '입금내역' },
        admin: { defaultColumns: ['line', 'postedAt', 'depositor', 'amount', 'status', 'pledge'] },
      },
    ],
  }
}
