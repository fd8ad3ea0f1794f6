import type { ArticleVotesOptions, SanitizedArticleVotesConfig } from './types'

import { trustedProxiesFromEnvironment } from '../login-throttle/defaults'
import { redisFromEnvironment } from '../shared/counterStore'

export const sanitizeArticleVotesOptions = (
  options: ArticleVotesOptions = {},
): SanitizedArticleVotesConfig => ({
  collections: options.collections ?? ['articles'],
  votesSlug: options.votesSlug ?? 'votes',
  readersSlug: options.readersSlug ?? 'readers',
  fields: options.fields ?? { up: 'votesUp', down: 'votesDown' },
  redis: options.redis === undefined ? redisFromEnvironment() : options.redis,
  keyPrefix: options.keyPrefix ?? 'votes',
  trustedProxies: options.trustedProxies ?? trustedProxiesFromEnvironment(),
  anonymousPerAddress: options.anonymousPerAddress ?? { points: 30, durationSeconds: 60 },
  perVoter: options.perVoter ?? { points: 60, durationSeconds: 60 },
  graphQLMutation: options.graphQLMutation ?? 'voteArticle',
  enabled: options.enabled ?? true,
})
