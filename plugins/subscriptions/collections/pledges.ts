import type { CollectionConfig, FieldAccess } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { dateTimePicker, dayPicker } from '../../shared/datePickers'
import { collectionLabels } from '../../shared/labels'
import { isDeskRequest, nobody, ownPledges } from '../access'

export const PLEDGE_STATUSES = [
  { value: 'pending', label: { en: 'Awaiting deposit', ko: '입금 대기' } },
  { value: 'matched', label: { en: 'Deposit found', ko: '입금 확인' } },
  { value: 'active', label: { en: 'Subscribed', ko: '구독 중' } },
  { value: 'expired', label: { en: 'Expired', ko: '기간 만료' } },
  { value: 'overdue', label: { en: 'Overdue', ko: '미입금' } },
  { value: 'cancelled', label: { en: 'Cancelled', ko: '취소' } },
]

/** 무통장입금 구독 신청: from a reader or anyone, matched to the bank's statement by the desk's imports. */
export const pledgesCollection = (config: SanitizedSubscriptionsConfig): CollectionConfig => {
  const desk: FieldAccess = ({ req }) => isDeskRequest(config, req)
  const stamp = (name: string, label: { en: string; ko: string }, readableBy = desk) => ({
    name,
    type: 'date' as const,
    label,
    access: { read: readableBy, create: desk, update: desk },
    admin: { position: 'sidebar' as const, date: dateTimePicker },
  })
  return {
    slug: config.pledgesSlug,
    labels: collectionLabels(
      { en: 'Pledge', ko: '구독 신청' },
      { en: 'Pledges', ko: '구독 신청 (무통장입금)' },
    ),
    admin: {
      group: { en: 'Subscriptions', ko: '구독' },
      // The desk picks a pledge for a deposit by who, how much and when, not by its code alone.
      useAsTitle: 'title',
      defaultColumns: [
        'title',
        'depositorName',
        'amount',
        'expectedDate',
        'status',
        'plan',
        'createdAt',
      ],
      listSearchableFields: ['reference', 'depositorName', 'email', 'phone'],
      description: {
        en: 'Bank-transfer subscription pledges. Deposits are matched by importing the bank statement (입금내역 가져오기).',
        ko: '무통장입금 구독 신청입니다. 입금 확인은 은행 입금내역 파일을 가져오면 자동으로 합니다.',
      },
    },
    defaultSort: '-createdAt',
    access: {
      read: ownPledges(config),
      create: ({ req }) => config.enabled || isDeskRequest(config, req),
      update: ({ req }) => isDeskRequest(config, req),
      delete: ({ req }) =>
        ((req.user as { roles?: string[] } | null)?.roles ?? []).includes('admin') &&
        isDeskRequest(config, req),
    },
    fields: [
      {
        name: 'title',
        type: 'text',
        label: { en: 'Pledge', ko: '신청' },
        access: { read: desk, create: nobody, update: nobody },
        admin: { hidden: true },
      },
      {
        name: 'reference',
        type: 'text',
        unique: true,
        index: true,
        label: { en: 'Reference', ko: '신청번호' },
        access: { create: nobody, update: nobody },
        admin: {
          readOnly: true,
          description: {
            en: 'Quoted by the pledger to look the pledge up',
            ko: '입금 확인 조회에 쓰는 번호',
          },
        },
      },
      {
        name: 'plan',
        type: 'relationship',
        relationTo: config.plansSlug as never,
        required: true,
        label: { en: 'Plan', ko: '요금제' },
        access: { update: desk },
      },
      {
        name: 'depositorName',
        type: 'text',
        required: true,
        maxLength: 50,
        label: { en: 'Depositor name', ko: '입금자명' },
        access: { update: desk },
      },
      {
        name: 'depositorKey',
        type: 'text',
        index: true,
        access: { read: desk, create: nobody, update: nobody },
        admin: { hidden: true },
      },
      {
        name: 'expectedDate',
        type: 'date',
        required: true,
        index: true,
        label: { en: 'Expected deposit date', ko: '입금 예정일' },
        access: { update: desk },
        admin: { date: dayPicker },
      },
      {
        name: 'amount',
        type: 'number',
        index: true,
        label: { en: 'Amount (KRW)', ko: '입금액 (원)' },
        access: { update: desk },
        admin: { description: { en: 'Empty: the plan’s amount', ko: '비워 두면 요금제 금액' } },
        validate: (value: null | number | undefined) =>
          value === null || value === undefined || (Number.isInteger(value) && value > 0)
            ? true
            : '금액은 양의 정수(원)여야 합니다 (amount must be a whole number of won)',
      },
      {
        name: 'email',
        type: 'email',
        label: { en: 'Email', ko: '이메일' },
        access: { update: desk },
        validate: (value: null | string | undefined) =>
          !value || (value.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value))
            ? true
            : '올바른 이메일 주소를 입력하세요 (a valid email address)',
      },
      {
        name: 'phone',
        type: 'text',
        maxLength: 30,
        label: { en: 'Phone', ko: '전화번호' },
        access: { update: desk },
        validate: (value: null | string | undefined) =>
          !value || /^[0-9+()\-\s]{6,30}$/.test(value)
            ? true
            : '전화번호는 숫자와 - + ( ) 만 쓸 수 있습니다 (digits, - + ( ) only)',
      },
      {
        name: 'status',
        type: 'select',
        defaultValue: 'pending',
        index: true,
        label: { en: 'Status', ko: '상태' },
        options: PLEDGE_STATUSES,
        access: { create: desk, update: desk },
        admin: { position: 'sidebar' },
      },
      {
        name: 'matchedLine',
        type: 'relationship',
        relationTo: config.linesSlug as never,
        label: { en: 'Statement line', ko: '입금내역' },
        access: { read: desk, create: nobody, update: nobody },
        admin: { position: 'sidebar', readOnly: true },
      },
      stamp('depositedAt', { en: 'Deposited at', ko: '입금일시' }, () => true),
      stamp('matchedAt', { en: 'Matched at', ko: '입금 확인 일시' }),
      stamp('activatedAt', { en: 'Activated at', ko: '구독 시작 처리' }, () => true),
      stamp('startsAt', { en: 'Subscription starts', ko: '구독 시작일' }, () => true),
      stamp('endsAt', { en: 'Subscription ends', ko: '구독 종료일' }, () => true),
      stamp('remindedAt', { en: 'Reminded at', ko: '미입금 안내 발송' }),
      {
        name: 'reader',
        type: 'text',
        index: true,
        label: { en: 'Reader account', ko: '독자 계정' },
        access: { read: desk, create: nobody, update: nobody },
        admin: { position: 'sidebar', readOnly: true },
      },
      {
        name: 'note',
        type: 'textarea',
        maxLength: 2000,
        label: { en: 'Desk note', ko: '메모' },
        access: { read: desk, create: desk, update: desk },
      },
    ],
  }
}
