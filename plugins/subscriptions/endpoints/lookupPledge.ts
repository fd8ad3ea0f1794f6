import type { CollectionSlug, Endpoint } from 'payload'

import type { SanitizedSubscriptionsConfig } from '../types'

import { InputError } from '../../shared/inputError'
import { jsonBodyOf, rateLimitedResponse, readerAddressOf } from '../../shared/readerClient'
import { type WindowLimiter } from '../../shared/requestLimits'
import { presentPledges } from './present'

const digits = (value: unknown) => String(value ?? '').replace(/\D+/g, '')

/**
 * `POST /api/pledges/lookup` `{ reference, contact }`: an anonymous pledger's view of their pledge,
 * when the contact (the pledge's email, or its phone in any punctuation) matches. A wrong pair and
 * an unknown code answer the same 404; tries are limited per address (429, Retry-After).
 */
export const lookupPledgeEndpoint = (
  config: SanitizedSubscriptionsConfig,
  limiter: WindowLimiter,
): Endpoint => ({
  path: '/lookup',
  method: 'post',
  handler: async (req) => {
    const wait = await limiter.consume(readerAddressOf(req, config.trustedProxies))
    if (wait !== undefined) return rateLimitedResponse(req, wait)
    const body = await jsonBodyOf(req)
    const reference = String(body.reference ?? '')
      .toUpperCase()
      .replace(/[\s-]+/g, '')
    const contact = String(body.contact ?? '').trim()
    if (!reference || reference.length > 32)
      throw new InputError('reference: 신청번호를 적어 주세요 (reference is required)')
    if (!contact || contact.length > 254)
      throw new InputError(
        'contact: 신청할 때 적은 이메일이나 전화번호를 적어 주세요 (contact is required)',
      )
    const found = await req.payload.find({
      collection: config.pledgesSlug as CollectionSlug,
      where: { reference: { equals: reference } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      req,
    })
    const pledge = found.docs[0] as unknown as Record<string, unknown> | undefined
    const email = typeof pledge?.email === 'string' ? pledge.email.toLowerCase() : ''
    const phone = digits(pledge?.phone)
    const isOwner =
      pledge !== undefined &&
      ((email !== '' && email === contact.toLowerCase()) ||
        (phone.length >= 6 && phone === digits(contact)))
    if (!isOwner)
      throw new InputError(
        '신청번호와 연락처가 맞는 신청이 없습니다 (no pledge with that reference and contact)',
        'NOT_FOUND',
        404,
      )
    const [view] = await presentPledges(config, req, [pledge])
    return Response.json(view)
  },
})
