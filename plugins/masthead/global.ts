import type {
  Field,
  GlobalAfterChangeHook,
  GlobalAfterReadHook,
  GlobalConfig,
  PayloadRequest,
  TextFieldSingleValidation,
} from 'payload'

import type { SanitizedMastheadConfig } from './types'

import { formatKstIso } from '../register-timestamps/formatKst'
import { normalizeGlobalInstants, publishGlobalInstants } from '../shared/globalTimes'
import { globalKey } from '../shared/surrogateKeys'

const dayOnly = { date: { pickerAppearance: 'dayOnly' as const, displayFormat: 'yyyy-MM-dd' } }

/** Required text, trimmed, at most `max` characters. */
const requiredText =
  (what: string, max: number): TextFieldSingleValidation =>
  (value) => {
    const text = typeof value === 'string' ? value.trim() : ''
    if (!text) return `${what}을(를) 입력하세요.`
    if (text.length > max) return `${what}은(는) ${max}자 이내여야 합니다.`
    return true
  }

/** 등록번호 as the registration certificate prints it: a 시·도, a kind, digits (울산 아00000). */
const registrationNumber: TextFieldSingleValidation = (value) => {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return '등록번호를 입력하세요.'
  if (text.length > 30) return '등록번호는 30자 이내여야 합니다.'
  if (!/\d/.test(text)) return '등록번호에는 번호(숫자)가 있어야 합니다. 예: 울산 아00000'
  return true
}

/** A Korean telephone number: digits with hyphens, spaces or brackets (052-123-4567, 1588-0000). */
const phone: TextFieldSingleValidation = (value) => {
  const text = typeof value === 'string' ? value.trim() : ''
  if (!text) return '전화번호를 입력하세요.'
  if (!/^\+?[\d\s()-]{7,20}$/.test(text) || (text.match(/\d/g) ?? []).length < 7)
    return '전화번호는 숫자와 하이픈으로 입력하세요. 예: 052-123-4567'
  return true
}

const text = (
  name: string,
  en: string,
  ko: string,
  validate: TextFieldSingleValidation,
  max = 100,
): Field => ({
  name,
  type: 'text',
  required: true,
  maxLength: max,
  label: { en, ko },
  validate,
})

const fields: Field[] = [
  text('title', 'Title', '제호', requiredText('제호', 60), 60),
  {
    ...(text(
      'registrationNumber',
      'Registration number',
      '등록번호',
      registrationNumber,
      30,
    ) as object),
    admin: { placeholder: '울산 아00000' },
  } as Field,
  {
    name: 'registeredOn',
    type: 'date',
    required: true,
    label: { en: 'Registered on', ko: '등록일' },
    admin: dayOnly,
  },
  {
    name: 'firstPublishedOn',
    type: 'date',
    label: { en: 'First published on', ko: '발행일' },
    admin: dayOnly,
  },
  text('publisher', 'Publisher', '발행인', requiredText('발행인', 40), 40),
  text('editor', 'Editor', '편집인', requiredText('편집인', 40), 40),
  text(
    'youthProtectionOfficer',
    'Youth protection officer',
    '청소년보호책임자',
    requiredText('청소년보호책임자', 40),
    40,
  ),
  {
    name: 'company',
    type: 'text',
    maxLength: 60,
    label: { en: 'Publishing company', ko: '발행소 (법인명)' },
  },
  text('address', 'Address', '주소', requiredText('주소', 200), 200),
  text('phone', 'Telephone', '전화', phone, 20),
  { name: 'email', type: 'email', label: { en: 'Email', ko: '이메일' } },
]

/** `2012-05-10` (KST) of a stored instant, for the footer line. */
const kstDay = (value: unknown): null | string =>
  typeof value === 'string' || value instanceof Date
    ? (formatKstIso(new Date(value))?.slice(0, 10) ?? null)
    : null

const virtualDayText = (name: string, ko: string): Field => ({
  name,
  type: 'text',
  virtual: true,
  label: { en: name, ko },
  admin: { hidden: true },
})

const DATES = ['registeredOn', 'firstPublishedOn', 'createdAt', 'updatedAt']

/** `…Text` days for printing (KST), for everyone. */
const addDayTexts: GlobalAfterReadHook = ({ doc }) => {
  const result = doc as Record<string, unknown>
  result.registeredOnText = kstDay(result.registeredOn)
  result.firstPublishedOnText = kstDay(result.firstPublishedOn)
  return doc
}

/** Every save is told once, so caches drop their copies of the footer's particulars. */
const tellChange =
  (config: SanitizedMastheadConfig): GlobalAfterChangeHook =>
  async ({ doc, req }) => {
    if (config.onChange)
      await config.onChange({ req, keys: [globalKey(config.slug)], reason: 'masthead.changed' })
    return doc
  }

/**
 * 제호·등록번호 and the other particulars a Korean online newspaper prints on every page (신문법's
 * 인터넷신문 등록사항, with the 청소년보호책임자 of 정보통신망법).
 */
export const mastheadGlobal = (config: SanitizedMastheadConfig): GlobalConfig => ({
  slug: config.slug,
  label: { en: 'Masthead', ko: '발행 정보 (제호·등록번호)' },
  admin: {
    group: { en: 'Site', ko: '사이트' },
    description: {
      en: 'Registration particulars printed in the site’s footer. Read by anyone: GET /api/globals/masthead or GraphQL.',
      ko: '사이트 하단에 표시하는 법정 발행 정보입니다. 등록증에 적힌 대로 입력하세요.',
    },
  },
  access: {
    read: () => true,
    update: ({ req }: { req: PayloadRequest }) => config.canUpdate(req),
  },
  hooks: {
    beforeValidate: [normalizeGlobalInstants(DATES)],
    // Day texts from the stored instants first; then readers' instants in +09:00.
    afterRead: [addDayTexts, publishGlobalInstants(DATES)],
    afterChange: [tellChange(config)],
  },
  fields: [
    ...fields,
    virtualDayText('registeredOnText', '등록일 (표시용)'),
    virtualDayText('firstPublishedOnText', '발행일 (표시용)'),
  ],
})
