import type { CollectionBeforeChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import crypto from 'node:crypto'

import type { SanitizedSubscriptionsConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { readerOf } from '../../shared/readerClient'
import { idOf } from '../../shared/relationIds'
import { isDeskRequest } from '../access'
import { planPeriod, subscriptionSpan } from '../activation'
import { addDays, kstDay, kstDayStart, normaliseDepositor } from '../statement'

/** How far from today a reader may say they will pay. */
const EARLIEST_DAYS = -7
const LATEST_DAYS = 60

const randomReference = (config: SanitizedSubscriptionsConfig): string => {
  const alphabet = config.referenceAlphabet
  const bytes = crypto.randomBytes(config.referenceLength * 2)
  let code = ''
  // Rejection sampling: every character equally likely.
  const limit = 256 - (256 % alphabet.length)
  for (const byte of bytes) {
    if (byte >= limit) continue
    code += alphabet[byte % alphabet.length]
    if (code.length === config.referenceLength) return code
  }
  return code + randomReference(config).slice(code.length)
}

const newReference = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
): Promise<string> => {
  for (let attempt = 0; attempt < 10; attempt++) {
    const reference = randomReference(config)
    const taken = await req.payload.count({
      collection: config.pledgesSlug as CollectionSlug,
      where: { reference: { equals: reference } },
      overrideAccess: true,
      req,
    })
    if (taken.totalDocs === 0) return reference
  }
  throw new Error('pledges: no free reference code after 10 attempts')
}

/** Noon KST of the value's KST day: the same calendar day in every time zone an admin uses. */
const expectedDay = (value: unknown): null | string => {
  if (typeof value !== 'string' && !(value instanceof Date)) return null
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? null : kstDay(time)
}

/** What the desk reads for a pledge (its admin title): `김철수 · 10,000원 · 12월 9일 예정 · K7M3QX9A`. */
export const pledgeTitle = (pledge: {
  amount?: unknown
  depositorName?: unknown
  expectedDate?: unknown
  reference?: unknown
}): string => {
  const day = expectedDay(pledge.expectedDate)
  const [, month, date] = day ? day.split('-').map(Number) : []
  return [
    String(pledge.depositorName ?? ''),
    `${Number(pledge.amount ?? 0).toLocaleString('ko-KR')}원`,
    day ? `${month}월 ${date}일 예정` : null,
    String(pledge.reference ?? ''),
  ]
    .filter(Boolean)
    .join(' · ')
}

/**
 * A new pledge: an active plan, its amount (taken from the plan when left out; any other amount is
 * refused with the plan's), a contact, a plausible expected date, a reference code, the reader.
 * Later, a move to `active` dates the subscription from the deposit for the plan's months.
 */
export const preparePledge =
  (config: SanitizedSubscriptionsConfig): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    const isDesk = isDeskRequest(config, req) || req.payloadAPI === 'local'
    if (operation === 'create') {
      const planId = idOf(data.plan)
      const plan =
        planId === null
          ? null
          : ((await req.payload.findByID({
              collection: config.plansSlug as CollectionSlug,
              id: planId as never,
              depth: 0,
              disableErrors: true,
              overrideAccess: true,
              req,
            })) as { active?: boolean; amount: number; name: string } | null)
      if (!plan || (!plan.active && !isDesk))
        throw new InputError('plan: 신청할 수 있는 요금제가 아닙니다 (plan: no such active plan)')
      const amount = data.amount ?? plan.amount
      if (amount !== plan.amount)
        throw new InputError(
          `amount: '${plan.name}' 요금제의 금액은 ${plan.amount.toLocaleString('ko-KR')}원입니다. 입금액은 요금제 금액과 같아야 확인됩니다 (amount must equal the plan's ${plan.amount} KRW, so that the deposit can be matched)`,
        )
      const email = typeof data.email === 'string' ? data.email.trim() : ''
      const phone = typeof data.phone === 'string' ? data.phone.trim() : ''
      if (!email && !phone)
        throw new InputError(
          'email: 이메일이나 전화번호 중 하나는 적어 주세요 (email or phone is required)',
        )
      const day = expectedDay(data.expectedDate)
      if (!day)
        throw new InputError('expectedDate: 입금 예정일을 적어 주세요 (expectedDate is required)')
      const today = kstDay(new Date())
      if (!isDesk && (day < addDays(today, EARLIEST_DAYS) || day > addDays(today, LATEST_DAYS)))
        throw new InputError(
          `expectedDate: 입금 예정일은 ${addDays(today, EARLIEST_DAYS)}부터 ${addDays(today, LATEST_DAYS)} 사이여야 합니다 (expectedDate out of range)`,
        )
      const depositorName = typeof data.depositorName === 'string' ? data.depositorName.trim() : ''
      const depositorKey = normaliseDepositor(depositorName)
      if (!depositorKey)
        throw new InputError('depositorName: 입금자명을 적어 주세요 (depositorName is required)')
      const reader = readerOf(req, config.readers)
      const created = {
        ...data,
        plan: planId,
        amount,
        email: email || null,
        phone: phone || null,
        depositorName,
        depositorKey,
        expectedDate: new Date(kstDayStart(day).getTime() + 12 * 3600_000).toISOString(),
        reference: await newReference(config, req),
        reader: reader ? String(reader.id) : null,
        status: isDesk && data.status ? data.status : 'pending',
      }
      return { ...created, title: pledgeTitle(created) }
    }
    const next = { ...data }
    if (typeof data.depositorName === 'string')
      next.depositorKey = normaliseDepositor(data.depositorName)
    if (data.expectedDate !== undefined) {
      const day = expectedDay(data.expectedDate)
      if (day)
        next.expectedDate = new Date(kstDayStart(day).getTime() + 12 * 3600_000).toISOString()
    }
    if (['depositorName', 'amount', 'expectedDate'].some((key) => data[key] !== undefined))
      next.title = pledgeTitle({ ...originalDoc, ...next })
    // Activated (by a match, or by a person): the subscription runs from the deposit's day.
    if (next.status === 'active' && originalDoc?.status !== 'active' && !originalDoc?.activatedAt) {
      const months = await planPeriod(config, req, idOf(next.plan ?? originalDoc?.plan))
      const from = (next.depositedAt ?? originalDoc?.depositedAt ?? new Date()) as string
      next.activatedAt = new Date().toISOString()
      Object.assign(next, subscriptionSpan(from, months))
    }
    return next
  }
