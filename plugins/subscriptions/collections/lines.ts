import type { CollectionConfig, FieldAccess } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { dateTimePicker } from '../../shared/datePickers'
import { collectionLabels } from '../../shared/labels'
import { isDeskRequest, nobody } from '../access'

export const LINE_STATUSES = [
  { value: 'matched', label: { en: 'Matched', ko: '확인됨' } },
  { value: 'ambiguous', label: { en: 'Several candidates', ko: '후보 여럿 (선택 필요)' } },
  { value: 'unmatched', label: { en: 'No pledge found', ko: '해당 신청 없음' } },
  { value: 'ignored', label: { en: 'Ignored', ko: '무시' } },
]

/**
 * 입금내역: one deposit of an imported statement. The job matches it (`matched`), or leaves it
 * `ambiguous` (several candidates) or `unmatched` for the desk, who picks the pledge or ignores it.
 */
export const linesCollection = (config: SanitizedSubscriptionsConfig): CollectionConfig => {
  const readOnly = (name: string, field: Record<string, unknown>) =>
    ({
      name,
      access: { create: nobody, update: nobody },
      ...field,
      admin: { readOnly: true, ...(field.admin as object) },
    }) as never
  const desk: FieldAccess = ({ req }) => isDeskRequest(config, req)
  return {
    slug: config.linesSlug,
    labels: collectionLabels(
      { en: 'Statement line', ko: '입금내역' },
      { en: 'Statement lines', ko: '입금내역' },
    ),
    admin: {
      group: { en: 'Subscriptions', ko: '구독' },
      useAsTitle: 'depositor',
      defaultColumns: ['postedAt', 'depositor', 'amount', 'status', 'pledge', 'statement'],
      listSearchableFields: ['depositor'],
      description: {
        en: 'Deposits from imported statements. For a line with several candidates or none, choose the pledge it pays (or set it to ignored) and save.',
        ko: '가져온 입금내역입니다. 후보가 여럿이거나 없는 줄은 해당 신청을 골라(또는 ‘무시’로 바꿔) 저장하세요.',
      },
    },
    defaultSort: '-postedAt',
    access: {
      read: ({ req }) => isDeskRequest(config, req),
      // Written by the import job only; people resolve them.
      create: () => false,
      update: ({ req }) => isDeskRequest(config, req),
      delete: () => false,
    },
    fields: [
      readOnly('statement', {
        type: 'relationship',
        relationTo: config.statementsSlug,
        index: true,
        label: { en: 'Statement', ko: '가져온 파일' },
      }),
      readOnly('line', { type: 'number', label: { en: 'Line', ko: '줄' } }),
      readOnly('key', {
        type: 'text',
        unique: true,
        index: true,
        label: { en: 'Line key', ko: '줄 식별값' },
        admin: { hidden: true },
      }),
      readOnly('postedAt', {
        type: 'date',
        index: true,
        label: { en: 'Deposited at', ko: '거래일시' },
        admin: { date: dateTimePicker },
      }),
      readOnly('depositor', { type: 'text', label: { en: 'Depositor', ko: '입금자명' } }),
      readOnly('depositorKey', { type: 'text', admin: { hidden: true } }),
      readOnly('amount', { type: 'number', label: { en: 'Amount (KRW)', ko: '입금액 (원)' } }),
      readOnly('balance', { type: 'text', label: { en: 'Balance', ko: '잔액' } }),
      {
        name: 'status',
        type: 'select',
        required: true,
        index: true,
        label: { en: 'Status', ko: '처리 상태' },
        options: LINE_STATUSES,
        access: { create: nobody, update: desk },
        admin: { position: 'sidebar' },
      },
      readOnly('candidates', {
        type: 'relationship',
        relationTo: config.pledgesSlug,
        hasMany: true,
        label: { en: 'Candidates', ko: '후보 신청' },
        admin: { condition: (data: Record<string, unknown>) => data?.status === 'ambiguous' },
      }),
      {
        name: 'pledge',
        type: 'relationship',
        relationTo: config.pledgesSlug as never,
        index: true,
        label: { en: 'Pledge', ko: '해당 신청' },
        access: { create: nobody, update: desk },
        admin: {
          position: 'sidebar',
          description: {
            en: 'Choose the pledge this deposit pays and save: its subscription starts.',
            ko: '이 입금이 낸 신청을 고르고 저장하면 구독이 시작됩니다.',
          },
        },
        // The picker offers the pledges still waiting for their money.
        // (A matched line keeps its pledge, whatever that pledge's state is now.)
        filterOptions: ({ data }) =>
          data?.status === 'matched' ? true : { status: { in: ['pending', 'overdue'] } },
      },
      readOnly('matchedBy', {
        type: 'select',
        label: { en: 'Matched by', ko: '확인 방법' },
        options: [
          { value: 'job', label: { en: 'Automatically', ko: '자동' } },
          { value: 'person', label: { en: 'A person', ko: '직접' } },
        ],
        admin: { position: 'sidebar' },
      }),
      readOnly('resolvedBy', {
        type: 'relationship',
        relationTo: config.users,
        label: { en: 'Resolved by', ko: '처리자' },
        admin: { position: 'sidebar' },
      }),
      readOnly('resolvedAt', {
        type: 'date',
        label: { en: 'Resolved at', ko: '처리 일시' },
        admin: { position: 'sidebar', date: dateTimePicker },
      }),
    ],
  }
}
