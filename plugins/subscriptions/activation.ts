import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedSubscriptionsConfig } from './types'

import { lockKeyOf, withLocks } from '../shared/documentLock'
import { kstDay, kstDayStart } from './statement'

/** `day` plus `months` calendar months, clamped to the month's end (1월 31일 + 1 → 2월 28일). */
export const addMonths = (day: string, months: number): string => {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number]
  const index = month - 1 + months
  const targetYear = year + Math.floor(index / 12)
  const targetMonth = ((index % 12) + 12) % 12
  const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate()
  return new Date(Date.UTC(targetYear, targetMonth, Math.min(date, lastDay)))
    .toISOString()
    .slice(0, 10)
}

/** The subscription's span: from the deposit's KST day (or today) for the plan's months. */
export const subscriptionSpan = (
  from: Date | string,
  months: number,
): { endsAt: string; startsAt: string } => {
  const day = kstDay(from)
  return {
    startsAt: kstDayStart(day).toISOString(),
    endsAt: kstDayStart(addMonths(day, months)).toISOString(),
  }
}

/** The plan's period in months (12 when the plan is gone). */
export const planPeriod = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
  planId: unknown,
): Promise<number> => {
  if (planId === null || planId === undefined) return 12
  const plan = (await req.payload.findByID({
    collection: config.plansSlug as CollectionSlug,
    id: planId as never,
    depth: 0,
    disableErrors: true,
    overrideAccess: true,
    req,
  })) as { period?: number } | null
  return plan?.period ?? 12
}

/** The states of a pledge still waiting for its money: what a deposit may pay. */
export const AWAITING_DEPOSIT = ['pending', 'overdue'] as const

/**
 * Marks a pledge paid by a statement line: `active` at once (the hook on pledges dates the
 * subscription), or `matched` for a person to activate when `activateOnMatch` is off — but only
 * while it is still in one of `awaiting` states, checked and changed under the pledge's lock
 * (documentLock.ts: one holder across processes), so that two deposits (two imports, or an import
 * and a person) never both pay one pledge. Answers whether this line got the pledge.
 */
export const matchPledge = (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
  pledgeId: number | string,
  line: { id: number | string; postedAt: string },
  awaiting: readonly string[] = AWAITING_DEPOSIT,
): Promise<boolean> =>
  withLocks(req, [lockKeyOf(config.pledgesSlug, pledgeId)], async (req) => {
    const slug = config.pledgesSlug as CollectionSlug
    const current = (await req.payload.db.findOne({
      collection: slug,
      req,
      select: { status: true },
      where: { id: { equals: pledgeId } },
    })) as null | { status?: string }
    if (!current || !awaiting.includes(current.status ?? '')) return false
    await req.payload.update({
      collection: slug,
      id: pledgeId as never,
      data: {
        status: config.activateOnMatch ? 'active' : 'matched',
        matchedLine: line.id,
        matchedAt: new Date().toISOString(),
        depositedAt: line.postedAt,
      } as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return true
  })
