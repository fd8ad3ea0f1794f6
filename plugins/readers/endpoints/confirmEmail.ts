import type { CollectionSlug, Endpoint, PayloadRequest } from 'payload'

import type { SanitizedReadersConfig } from '../types'

import { errorResponse } from '../../../src/http/errorResponse'
import {
  CONFIRMING_EMAIL,
  hashEmailToken,
  noPendingEmail,
  PENDING_EMAIL,
  PENDING_EMAIL_EXPIRES_AT,
  PENDING_EMAIL_TOKEN_HASH,
} from '../emailChange'
import { emailChangedHTML, emailChangedSubject } from '../emails'
import { jsonBody } from './shared'

type Reader = Record<string, unknown> & { email: string; id: number | string }

const noStore = { 'cache-control': 'private, no-store' }

/**
 * `POST /api/readers/confirm-email` `{ token }`: the site's page behind the link mailed to a new
 * address calls it; the address becomes the account's (and its sign-in), the old one gets a
 * notice. No session needed: the token is the proof. Unknown or expired: 403; an address another
 * account confirmed meanwhile: 409 (the change is dropped).
 */
export const confirmEmailEndpoint = (config: SanitizedReadersConfig): Endpoint => ({
  path: '/confirm-email',
  method: 'post',
  handler: async (req) => {
    const { token } = await jsonBody(req)
    if (typeof token !== 'string' || !token.trim())
      return errorResponse(
        400,
        'VALIDATION',
        'token: 확인 링크의 토큰을 주세요 (token is required)',
      )
    const collection = config.readersSlug as CollectionSlug
    const found = await req.payload.find({
      collection,
      where: { [PENDING_EMAIL_TOKEN_HASH]: { equals: hashEmailToken(token.trim()) } },
      depth: 0,
      limit: 1,
      overrideAccess: true,
      showHiddenFields: true,
      req,
    })
    const reader = found.docs[0] as unknown as Reader | undefined
    const pending = reader?.[PENDING_EMAIL]
    if (!reader || typeof pending !== 'string')
      return errorResponse(403, 'FORBIDDEN', '확인 링크가 올바르지 않습니다 (invalid link)')

    const drop = (payloadReq: PayloadRequest) =>
      payloadReq.payload.update({
        collection,
        id: reader.id,
        data: noPendingEmail() as never,
        depth: 0,
        overrideAccess: true,
        context: { [CONFIRMING_EMAIL]: true },
        req: payloadReq,
      })
    if (new Date(String(reader[PENDING_EMAIL_EXPIRES_AT])).getTime() <= Date.now()) {
      await drop(req)
      return errorResponse(
        403,
        'FORBIDDEN',
        '확인 링크가 만료되었습니다. 이메일 변경을 다시 요청하세요 (the link has expired)',
      )
    }
    const taken = await req.payload.count({
      collection,
      where: { and: [{ email: { equals: pending } }, { id: { not_equals: reader.id } }] },
      overrideAccess: true,
      req,
    })
    if (taken.totalDocs) {
      await drop(req)
      return errorResponse(409, 'CONFLICT', req.t('error:userEmailAlreadyRegistered'))
    }
    await req.payload.update({
      collection,
      id: reader.id,
      data: { email: pending, ...noPendingEmail() } as never,
      depth: 0,
      overrideAccess: true,
      context: { [CONFIRMING_EMAIL]: true },
      req,
    })
    await req.payload.sendEmail({
      to: reader.email,
      subject: emailChangedSubject(),
      html: emailChangedHTML(config)({ newEmail: pending, oldEmail: reader.email, user: reader }),
    })
    return Response.json(
      { message: '이메일 주소가 바뀌었습니다 (email changed)', email: pending },
      { headers: noStore },
    )
  },
})
