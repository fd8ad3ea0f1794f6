import type { CollectionSlug } from 'payload'

import type { ReaderDeletionListener } from '../readers/readerDeletion'
import type { SanitizedArticleVotesConfig } from './types'

import { documentIdOf } from '../shared/readerClient'
import { recordVote } from './recordVote'
import { readerVoterKey } from './voteEndpoint'

/**
 * A reader who deletes their account takes their votes with them: each is withdrawn as a vote of
 * 0 would be (recordVote), so that the documents' totals are recounted the one way they always are.
 */
export const deleteReaderVotes =
  (config: SanitizedArticleVotesConfig): ReaderDeletionListener =>
  async ({ collection, id, req }) => {
    if (collection !== config.readersSlug) return
    const voter = readerVoterKey(req, id)
    const votes = config.votesSlug as CollectionSlug
    const { docs } = await req.payload.db.find({
      collection: votes,
      limit: 0,
      pagination: false,
      req,
      where: { voter: { equals: voter } },
    })
    for (const vote of docs as { document?: unknown }[]) {
      const document = String(vote.document ?? '')
      const separator = document.indexOf(':')
      const votedCollection = document.slice(0, separator)
      const votedId =
        separator > 0 && config.collections.includes(votedCollection)
          ? documentIdOf(req, votedCollection, document.slice(separator + 1))
          : undefined
      if (votedId === undefined) {
        // A collection that takes no votes any more: nothing to recount, the row just goes.
        await req.payload.db.deleteOne({
          collection: votes,
          req,
          where: { and: [{ document: { equals: document } }, { voter: { equals: voter } }] },
        })
        continue
      }
      // `stored` only short-cuts a repeat, which a withdrawal of an existing vote never is.
      await recordVote(config, req, {
        collection: votedCollection,
        id: votedId,
        stored: {},
        value: 0,
        voter,
      })
    }
  }
