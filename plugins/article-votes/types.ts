import type { Redis } from 'ioredis'

/** At most `points` per `durationSeconds`. */
export type RateLimit = { points: number; durationSeconds: number }

export type ArticleVotesOptions = {
  /** Collections whose documents take votes (`POST /api/<slug>/:id/vote`). @default ['articles'] */
  collections?: string[]
  /** The collection that keeps one vote per voter per document. @default 'votes' */
  votesSlug?: string
  /** The readers' auth collection: a signed-in reader votes as themself. @default 'readers' */
  readersSlug?: string
  /** The count fields on the voted documents. @default votesUp / votesDown */
  fields?: { down: string; up: string }
  /**
   * Where the rate limits live: a Redis URL or an ioredis client shared by every app process;
   * else this process's memory. @default REDIS_URL, else memory
   */
  redis?: null | Redis | string
  /** Prefix of the store's keys. @default 'votes' */
  keyPrefix?: string
  /** Reverse proxies in front that append to `X-Forwarded-For`. @default NEWSROOM_TRUSTED_PROXIES, else 0 */
  trustedProxies?: number
  /** Votes per anonymous client address (whatever the token). @default 30 per minute */
  anonymousPerAddress?: RateLimit
  /** Votes per signed-in voter. @default 60 per minute */
  perVoter?: RateLimit
  /** The GraphQL mutation voting on the first of `collections`, or false for none. @default 'voteArticle' */
  graphQLMutation?: false | string
  /** When false, the collection and fields stay and the endpoint answers 404. @default true */
  enabled?: boolean
}

export type SanitizedArticleVotesConfig = {
  collections: string[]
  votesSlug: string
  readersSlug: string
  fields: { down: string; up: string }
  redis: null | Redis | string
  keyPrefix: string
  trustedProxies: number
  anonymousPerAddress: RateLimit
  perVoter: RateLimit
  graphQLMutation: false | string
  enabled: boolean
}

/** The answer of a vote: the document's totals and the caller's own vote (0: none). */
export type VoteResult = { votesUp: number; votesDown: number; myVote: -1 | 0 | 1 }
