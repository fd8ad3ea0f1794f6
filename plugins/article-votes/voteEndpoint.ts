import type { Endpoint, PayloadRequest } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { SanitizedArticleVotesConfig } from './types'

import { findPublicDocument } from '../shared/counterWrites'
import { InputError } from '../shared/inputError'
import {
  jsonBodyOf,
  opaqueKey,
  rateLimitedResponse,
  READER_TOKEN_HEADER,
  readerAddressOf,
  readerTokenOf,
  routeIdOf,
} from '../shared/readerClient'
import { recordVote } from './recordVote'

const notFound = () => new InputError('기사를 찾을 수 없습니다 (not found)', 'NOT_FOUND', 404)

const parseValue = (body: Record<string, unknown>): -1 | 0 | 1 => {
  const value = body.value
  if (value === 1 || value === -1 || value === 0) return value
  throw new InputError(
    'value: 1(올려), -1(내려) 또는 0(취소)이어야 합니다 (value must be 1, -1 or 0)',
  )
}

type Limiter = ReturnType<CounterStore['rateLimiter']>

/**
 * Who votes: a signed-in user (a reader of `readersSlug`, or staff) as themself; else an
 * anonymous browser, by its `x-reader-token` together with its address. Answers the voter's
 * opaque key, or the seconds to wait when over the limit.
 */
const voterOf = async (
  config: SanitizedArticleVotesConfig,
  req: PayloadRequest,
  limits: { anonymous: Limiter; signedIn: Limiter },
): Promise<{ retryAfter: number } | { voter: string }> => {
  const user = req.user as { collection?: string; id?: number | string } | null
  if (user?.id !== undefined && user.collection) {
    const kind = user.collection === config.readersSlug ? 'reader' : `user:${user.collection}`
    const voter = opaqueKey(req, 'voter', kind, String(user.id))
    const retryAfter = await limits.signedIn.consume(voter)
    return retryAfter ? { retryAfter } : { voter }
  }
  const token = readerTokenOf(req)
  if (!token)
    throw new InputError(
      `${READER_TOKEN_HEADER}: 로그인하지 않은 투표에는 브라우저 토큰이 필요합니다 (${READER_TOKEN_HEADER} is required to vote without signing in)`,
    )
  const address = readerAddressOf(req, config.trustedProxies)
  const retryAfter = await limits.anonymous.consume(address)
  if (retryAfter) return { retryAfter }
  return { voter: opaqueKey(req, 'voter', 'anonymous', token, address) }
}

/** `POST /api/<collection>/:id/vote` `{ "value": 1 | -1 | 0 }` → `{ votesUp, votesDown, myVote }`. */
export const voteEndpoint = (
  config: SanitizedArticleVotesConfig,
  collection: string,
  store: CounterStore,
): Endpoint => {
  const limits = {
    anonymous: store.rateLimiter('anonymous', config.anonymousPerAddress),
    signedIn: store.rateLimiter('voter', config.perVoter),
  }
  return {
    path: '/:id/vote',
    method: 'post',
    handler: async (req) => {
      const id = routeIdOf(req, collection)
      if (id === undefined) throw notFound()
      const value = parseValue(await jsonBodyOf(req))
      const identity = await voterOf(config, req, limits)
      if ('retryAfter' in identity) return rateLimitedResponse(req, identity.retryAfter)
      const stored = await findPublicDocument(req, collection, id, {
        [config.fields.up]: true,
        [config.fields.down]: true,
      })
      if (!stored) throw notFound()
      const result = await recordVote(config, req, {
        collection,
        id,
        stored,
        value,
        voter: identity.voter,
      })
      return Response.json(result, { headers: { 'cache-control': 'private, no-store' } })
    },
  }
}
