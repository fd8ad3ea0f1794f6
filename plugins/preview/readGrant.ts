import type { Access, CollectionBeforeOperationHook, PayloadRequest, Where } from 'payload'

import { APIError } from 'payload'

import type { PreviewCheck, PreviewClaim } from './token'

import { isStaffRequest } from '../shared/staffUser'
import { judgePreviewClaim, PREVIEW_HEADER, PREVIEW_READ_PARAM, verifyPreviewToken } from './token'

/** Where a collection read carries its preview token: `?preview=` or the `x-preview-token` header. */
export const previewTokenOf = (req: PayloadRequest): string | undefined => {
  const token = req.searchParams?.get(PREVIEW_READ_PARAM) ?? req.headers?.get(PREVIEW_HEADER)
  return token ? token : undefined
}

export const previewError = (message: string, status: 401 | 403) =>
  new APIError(message, status, { code: status === 401 ? 'UNAUTHORIZED' : 'FORBIDDEN' }, true)

/** Why a token does not open this document, as the answer says it. */
export const refusalOf = (check: Extract<PreviewCheck, { ok: false }>) =>
  check.reason === 'other-document'
    ? previewError('다른 기사의 미리보기 토큰입니다 (token for another document)', 403)
    : check.reason === 'expired'
      ? previewError('미리보기 링크가 만료되었습니다 (preview link expired)', 401)
      : previewError('미리보기 토큰이 올바르지 않습니다 (invalid preview token)', 401)

const PRIMARY_READ = 'previewPrimaryRead'
const VERIFIED = 'previewTokenVerified'

/**
 * `checkPreviewToken` with the signature checked once per request: access and the read hook ask
 * on every read, hooks' reads included, and always about the same token.
 */
const checkToken = (req: PayloadRequest, token: string, collection: string, id?: string) => {
  let verified = req.context[VERIFIED] as undefined | { claim: null | PreviewClaim; token: string }
  if (verified?.token !== token) {
    verified = { claim: verifyPreviewToken(req.payload.secret, token), token }
    req.context[VERIFIED] = verified
  }
  return verified.claim
    ? judgePreviewClaim(verified.claim, collection, id)
    : ({ ok: false, reason: 'invalid' } as const)
}

/** Never kept by a shared cache or the browser: a draft is no public answer. */
const markPrivate = (req: PayloadRequest) => {
  req.responseHeaders ??= new Headers()
  req.responseHeaders.set('cache-control', 'private, no-store')
  req.responseHeaders.set('x-robots-tag', 'noindex, nofollow')
}

/**
 * A read of one document (REST `GET /api/<collection>/:id`, GraphQL `Article(id:)`) with a preview
 * token: the token must be valid, unexpired and for that document (401/403 otherwise), and the
 * read returns the latest draft. Only the request's first read by id answers for the token: the
 * reads hooks make along the way (related, adjacent) go on as the reader's own.
 */
export const readDraftWithToken =
  (collection: string): CollectionBeforeOperationHook =>
  ({ args, operation, req }) => {
    if (operation !== 'read') return args
    const token = previewTokenOf(req)
    if (!token) return args
    markPrivate(req)
    const readArgs = args as { draft?: boolean; id?: number | string }
    if (readArgs.id === undefined || readArgs.id === null) return args
    const isPrimary = !req.context[PRIMARY_READ]
    req.context[PRIMARY_READ] = true
    const check = checkToken(req, token, collection, String(readArgs.id))
    if (check.ok) return { ...args, draft: true }
    if (isPrimary) throw refusalOf(check)
    return args
  }

/**
 * The collection's read access, opened for the one document a valid preview token names (by id
 * reads, and in lists as that one document added to what the reader may see); else as it was.
 */
export const grantPreviewRead =
  (collection: string, read: Access | undefined): Access =>
  async (args) => {
    const original = read ? await read(args) : isStaffRequest(args.req)
    const token = previewTokenOf(args.req)
    if (!token || original === true) return original
    const check = checkToken(args.req, token, collection)
    if (!check.ok) return original
    const { claim } = check
    if (args.id !== undefined && args.id !== null)
      return String(args.id) === claim.id ? true : original
    const only: Where = { id: { equals: claim.id } }
    return original === false ? only : { or: [original, only] }
  }
