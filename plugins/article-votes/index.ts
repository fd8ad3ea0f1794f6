import type { CollectionConfig, Config, Plugin } from 'payload'

import type { ArticleVotesOptions } from './types'

import { pluginCounterStore } from '../shared/counterStore'
import { addReaderDeletionListener } from '../readers/readerDeletion'
import { withInputErrorsAsInfo } from '../shared/inputError'
import { deleteReaderVotes } from './deleteReaderVotes'
import { sanitizeArticleVotesOptions } from './defaults'
import { voteMutation } from './graphQL'
import { voteCaster, voteEndpoint } from './voteEndpoint'
import { votesCollection } from './votesCollection'

export type { ArticleVotesOptions, VoteResult } from './types'
export { sanitizeArticleVotesOptions } from './defaults'
export { recordVote } from './recordVote'

/**
 * 올려/내려: `POST /api/<collection>/:id/vote` on published, public documents. One vote per voter
 * per document, changeable or withdrawn (0); readers and staff vote as themselves, anonymous
 * browsers by `x-reader-token` and address, under rate limits (429, Retry-After). The totals live
 * in the documents' own count fields (no extra query on the read path) and are written without a
 * save: `updatedAt`/`revisedAt`, versions and the audit log never see a vote, and no cache purge
 * goes out (shared caches catch up within their `s-maxage`).
 */
export const articleVotes =
  (options: ArticleVotesOptions = {}): Plugin =>
  (incomingConfig: Config): Config => {
    const config = sanitizeArticleVotesOptions(options)
    const hasVotes = (incomingConfig.collections ?? []).some(
      (collection) => collection.slug === config.votesSlug,
    )
    const withCollection = hasVotes
      ? (incomingConfig.collections ?? [])
      : [...(incomingConfig.collections ?? []), votesCollection(config.votesSlug)]
    // A reader who deletes their account takes their votes along (called by the readers plugin, if on).
    const withListener = addReaderDeletionListener(incomingConfig, deleteReaderVotes(config))
    if (!config.enabled) return { ...withListener, collections: withCollection }
    const { onInit, store } = pluginCounterStore(
      'article-votes',
      { redis: config.redis, keyPrefix: config.keyPrefix },
      incomingConfig,
    )
    const cast = voteCaster(config, store)
    const collections = withCollection.map((collection): CollectionConfig => {
      if (!config.collections.includes(collection.slug)) return collection
      return {
        ...collection,
        endpoints: [
          ...(Array.isArray(collection.endpoints) ? collection.endpoints : []),
          voteEndpoint(collection.slug, cast),
        ],
      }
    })
    const userMutations = incomingConfig.graphQL?.mutations
    const [first] = config.collections
    return {
      ...withListener,
      collections,
      graphQL: {
        ...incomingConfig.graphQL,
        mutations: (GraphQL, context) => ({
          ...(userMutations?.(GraphQL, context) ?? {}),
          ...(first && config.graphQLMutation
            ? voteMutation(config.graphQLMutation, first, cast)(GraphQL as never)
            : {}),
        }),
      },
      loggingLevels: withInputErrorsAsInfo(incomingConfig),
      onInit,
    }
  }
