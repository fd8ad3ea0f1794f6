import type { Endpoint, PayloadRequest } from 'payload'

import type { CounterStore } from '../shared/counterStore'
import type { SanitizedArticleVotesConfig, VoteResult } from './types'

import { findPublicDocument } from '../shared/counterWrites'
import { InputError } from '../shared/inputError'
import {
  documentIdOf,
  jsonBodyOf,
  opaqueKey,
  rateLimitedResponse,
  READER_TOKEN_HEADER,
  readerAddressOf,
  readerOf,
  readerTokenOf,
} from '../shared/readerClient'
import { recordVote } from './recordVote'

const notFound = () => new InputError('기사를 찾을 수 없습니다 (not found)', 'NOT_FOUND', 404)

const parseValue = (value: unknown): -1 | 0 | 1 => {
  if (value === 1 || value === -1 || value === 0) return value
  throw new InputError(
    'value: 1(올려), -1(내려) 또는 0(취소)이어야 합니다 (value must be 1, -1 or 0)',
  )
}

type Limiter = ReturnType<CounterStore['rateLimiter']>

/** The stored voter key of a signed-in reader (what a reader's account deletion removes). */
export const readerVoterKey = (req: PayloadRequest, readerId: number | string): string =>
  opaqueKey(req, 'voter', 'reader', String(readerId))

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
    const voter = readerOf(req, config.readersSlug)
      ? readerVoterKey(req, user.id)
      : opaqueKey(req, 'voter', `user:${user.collection}`, String(user.id))
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

/** A vote as REST and GraphQL take it: the answer, or the seconds to wait (429). */
export type CastVote = (
  req: PayloadRequest,
  collection: string,
  rawId: unknown,
  rawValue: unknown,
) => Promise<{ retryAfter: number } | VoteResult>

/** Checks the id, the value and the voter's limit, then records the vote on a public document. */
export const voteCaster = (config: SanitizedArticleVotesConfig, store: CounterStore): CastVote => {
  const limits = {
    anonymous: store.rateLimiter('anonymous', config.anonymousPerAddress),
    signedIn: store.rateLimiter('voter', config.perVoter),
  }
  return async (req, collection, rawId, rawValue) => {
    const id = documentIdOf(req, collection, rawId)
    if (id === undefined) throw notFound()
    const value = parseValue(rawValue)
    const identity = await voterOf(config, req, limits)
    if ('retryAfter' in identity) return identity
    const stored = await findPublicDocument(req, collection, id, {
      [config.fields.up]: true,
      [config.fields.down]: true,
    })
    if (!stored) throw notFound()
    return recordVote(config, req, { collection, id, stored, value, voter: identity.voter })
  }
}

/** `POST /api/<collection>/:id/vote` `{ "value": 1 | -1 | 0 }` → `{ votesUp, votesDown, myVote }`. */
export const voteEndpoint = (collection: string, cast: CastVote): Endpoint => ({
  path: '/:id/vote',
  method: 'post',
  handler: async (req) => {
    if (documentIdOf(req, collection, req.routeParams?.id) === undefined) throw notFound()
    const body = await jsonBodyOf(req)
    const result = await cast(req, collection, req.routeParams?.id, body.value)
    if ('retryAfter' in result) return rateLimitedResponse(req, result.retryAfter)
    return Response.json(result, { headers: { 'cache-control': 'private, no-store' } })
  },
})
