import type { CollectionAfterChangeHook, CollectionBeforeChangeHook, CollectionSlug } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { idOf } from '../../shared/relationIds'
import { AWAITING_DEPOSIT, matchPledge } from '../activation'
import { lineCounts } from '../lineCounts'

/** Set by the import job on its own writes, which are no person's decision. */
export const IMPORTING = 'subscriptionsImporting'

/**
 * A person's decision on a line the job left open: a chosen pledge (still waiting for its money)
 * is matched to it, and its subscription starts; `ignored` sets it aside. A matched line stays
 * matched (cancel the pledge instead).
 */
export const resolveLine =
  (config: SanitizedSubscriptionsConfig): CollectionBeforeChangeHook =>
  async ({ data, operation, originalDoc, req }) => {
    if (operation !== 'update' || req.context[IMPORTING]) return data
    const wasMatched = originalDoc?.status === 'matched'
    const pledgeId = data.pledge === undefined ? idOf(originalDoc?.pledge) : idOf(data.pledge)
    const pledgeChanged = String(pledgeId) !== String(idOf(originalDoc?.pledge))
    if (wasMatched) {
      if (pledgeChanged || (data.status && data.status !== 'matched'))
        throw new InputError(
          'status: 이미 확인된 입금입니다. 바꾸려면 신청을 취소하세요 (a matched line stays matched)',
        )
      return data
    }
    const stamp = {
      resolvedBy: req.user?.collection === config.users ? req.user.id : null,
      resolvedAt: new Date().toISOString(),
    }
    if (pledgeId !== null && pledgeChanged) {
      const pledge = (await req.payload.findByID({
        collection: config.pledgesSlug as CollectionSlug,
        id: pledgeId as never,
        depth: 0,
        disableErrors: true,
        overrideAccess: true,
        req,
      })) as { status?: string } | null
      if (!pledge || !['pending', 'overdue', 'matched'].includes(pledge.status ?? ''))
        throw new InputError(
          'pledge: 입금을 기다리는 신청이 아닙니다 (pledge: not awaiting a deposit)',
        )
      if (
        (pledge.status !== 'matched' || config.activateOnMatch) &&
        !(await matchPledge(
          config,
          req,
          pledgeId,
          { id: originalDoc!.id, postedAt: originalDoc!.postedAt },
          [...AWAITING_DEPOSIT, 'matched'],
        ))
      )
        throw new InputError(
          'pledge: 다른 입금이 먼저 이 신청에 맞춰졌습니다 (pledge: another deposit paid it meanwhile)',
        )
      return { ...data, ...stamp, pledge: pledgeId, status: 'matched', matchedBy: 'person' }
    }
    if (data.status === 'matched')
      throw new InputError('pledge: 해당 신청을 고르세요 (pledge: choose the pledge it pays)')
    if (data.status === 'ignored' && originalDoc?.status !== 'ignored')
      return { ...data, ...stamp, pledge: null }
    return data
  }

/** After a person's decision, the statement's counts say what is left to decide. */
export const recountStatement =
  (config: SanitizedSubscriptionsConfig): CollectionAfterChangeHook =>
  async ({ doc, operation, previousDoc, req }) => {
    if (operation !== 'update' || req.context[IMPORTING] || doc.status === previousDoc?.status)
      return doc
    const statement = idOf(doc.statement)
    if (statement === null) return doc
    await req.payload.update({
      collection: config.statementsSlug as CollectionSlug,
      id: statement as never,
      data: (await lineCounts(config, req, statement)) as never,
      depth: 0,
      overrideAccess: true,
      req,
    })
    return doc
  }
