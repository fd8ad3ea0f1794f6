import type { CollectionSlug, PayloadRequest, TaskConfig } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { formatKstList } from '../../register-timestamps/formatKst'
import { escapeHtml } from '../../shared/sanitizeHtml'
import { PLEDGE_REMINDERS_TASK } from '../defaults'
import { addDays, kstDay, kstDayStart } from '../statement'

type Pledge = {
  amount?: number
  depositorName?: string
  email?: null | string
  expectedDate?: string
  id: number | string
  reference?: string
}

const PAGE = 100

const reminderMail = (config: SanitizedSubscriptionsConfig, pledge: Pledge) => {
  const lines: [string, string][] = [
    ['신청번호', String(pledge.reference ?? '')],
    ['입금자명', String(pledge.depositorName ?? '')],
    ['금액', `${(pledge.amount ?? 0).toLocaleString('ko-KR')}원`],
    ['입금 예정일', formatKstList(pledge.expectedDate)?.slice(0, 10) ?? ''],
    ...(config.bankAccount ? ([['입금 계좌', config.bankAccount]] as [string, string][]) : []),
  ]
  const intro =
    '구독 신청하신 금액의 입금이 아직 확인되지 않았습니다. 이미 입금하셨다면 입금자명과 금액이 신청 내용과 같은지 확인해 주세요.'
  return {
    subject: `[구독] 입금 확인이 되지 않았습니다 (신청번호 ${pledge.reference ?? ''})`,
    text: [intro, '', ...lines.map(([key, value]) => `${key}: ${value}`)].join('\n'),
    html: [
      `<p>${escapeHtml(intro)}</p>`,
      '<table>',
      ...lines.map(
        ([key, value]) =>
          `<tr><th align="left">${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`,
      ),
      '</table>',
    ].join('\n'),
  }
}

/** Pledges whose expected date passed `reminderAfterDays` ago unpaid: overdue, and told once. */
const remindOverdue = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
): Promise<number> => {
  const cutoff = kstDayStart(addDays(kstDay(new Date()), -config.reminderAfterDays))
  let reminded = 0
  // Each pledge leaves `pending` as it is handled: the next page is the first page again.
  for (;;) {
    const due = await req.payload.find({
      collection: config.pledgesSlug as CollectionSlug,
      where: {
        and: [
          { status: { equals: 'pending' } },
          { expectedDate: { less_than: cutoff.toISOString() } },
        ],
      },
      depth: 0,
      limit: PAGE,
      sort: 'expectedDate',
      overrideAccess: true,
      req,
    })
    for (const pledge of due.docs as unknown as (Pledge & { remindedAt?: null | string })[]) {
      const isToBeTold = Boolean(pledge.email) && !pledge.remindedAt
      // The mail first: a mail server that is down fails the job, retried with the pledge still pending.
      if (isToBeTold)
        await req.payload.sendEmail({ to: pledge.email!, ...reminderMail(config, pledge) })
      await req.payload.update({
        collection: config.pledgesSlug as CollectionSlug,
        id: pledge.id as never,
        data: {
          status: 'overdue',
          ...(isToBeTold && { remindedAt: new Date().toISOString() }),
        } as never,
        depth: 0,
        overrideAccess: true,
        req,
      })
      if (isToBeTold) reminded++
    }
    if (due.docs.length < PAGE) return reminded
  }
}

/** Subscriptions past their end: `expired`. */
const expireEnded = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
): Promise<number> => {
  const result = await req.payload.update({
    collection: config.pledgesSlug as CollectionSlug,
    where: {
      and: [
        { status: { equals: 'active' } },
        { endsAt: { less_than_equal: new Date().toISOString() } },
      ],
    },
    data: { status: 'expired' } as never,
    depth: 0,
    overrideAccess: true,
    req,
  })
  return result.docs.length
}

/**
 * On a schedule (`remindersCron`): overdue pledges are marked and their pledgers emailed once
 * (through Payload's email adapter), ended subscriptions marked expired.
 */
export const remindersTask = (
  config: SanitizedSubscriptionsConfig,
): TaskConfig<{
  input: Record<string, never>
  output: { expired?: number; reminded?: number }
}> => ({
  slug: PLEDGE_REMINDERS_TASK,
  label: 'Remind pledgers whose deposit is overdue; expire ended subscriptions',
  retries: 3,
  ...(config.remindersCron && {
    schedule: [{ cron: config.remindersCron, queue: 'default' }],
  }),
  handler: async ({ req }) => {
    if (!config.enabled) return { output: {} }
    const reminded = await remindOverdue(config, req)
    const expired = await expireEnded(config, req)
    return { output: { reminded, expired } }
  },
})
