import type { CollectionSlug, PayloadRequest } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { formatKstIso } from '../../register-timestamps/formatKst'

type Doc = Record<string, unknown>

/** What a pledger sees of their pledge: its state and dates (KST), its plan; no desk notes. */
export const presentPledges = async (
  config: SanitizedSubscriptionsConfig,
  req: PayloadRequest,
  pledges: Doc[],
): Promise<Doc[]> => {
  const planIds = [...new Set(pledges.map((pledge) => pledge.plan).filter((id) => id != null))]
  const plans = planIds.length
    ? await req.payload.find({
        collection: config.plansSlug as CollectionSlug,
        where: { id: { in: planIds } },
        depth: 0,
        limit: planIds.length,
        pagination: false,
        overrideAccess: true,
        req,
      })
    : { docs: [] }
  const planOf = new Map(plans.docs.map((plan) => [String(plan.id), plan as unknown as Doc]))
  const time = (value: unknown) => formatKstIso(value as string) ?? null
  return pledges.map((pledge) => {
    const plan = planOf.get(String(pledge.plan))
    return {
      reference: pledge.reference,
      status: pledge.status,
      plan: plan ? { name: plan.name, amount: plan.amount, period: plan.period } : null,
      depositorName: pledge.depositorName,
      amount: pledge.amount,
      expectedDate: time(pledge.expectedDate),
      depositedAt: time(pledge.depositedAt),
      startsAt: time(pledge.startsAt),
      endsAt: time(pledge.endsAt),
      createdAt: time(pledge.createdAt),
    }
  })
}
