import type { CollectionSlug, PayloadRequest, Where } from 'payload'

import type { ID } from '../shared/relationIds'
import type { SanitizedArticleVotesConfig, VoteResult } from './types'

import { writeCounters } from '../shared/counterWrites'

type Vote = -1 | 0 | 1

/**
 * Records `voter`'s vote on one document and answers the totals.
 *
 * Why a row per vote and a recount rather than an increment: the row (unique per document and
 * voter) is what makes a vote changeable and a repeat a no-op, and the totals are then counted
 * from the rows under the collection's save lock (counterWrites.ts). A count taken under the lock
 * after the vote's row was committed includes every vote committed before it, so whatever order
 * parallel votes take, the last write holds exact totals — on SQLite, PostgreSQL and MongoDB
 * alike, with nothing adapter-specific. An editor's save that wrote back older totals (it holds
 * the same lock on PostgreSQL; on SQLite and MongoDB the window is its own read-to-write) is
 * corrected by the next vote.
 */
export const recordVote = async (
  config: SanitizedArticleVotesConfig,
  req: PayloadRequest,
  {
    collection,
    id,
    stored,
    value,
    voter,
  }: {
    collection: string
    id: ID
    /** The document's totals as read for this request. */
    stored: Record<string, unknown>
    value: Vote
    voter: string
  },
): Promise<VoteResult> => {
  const db = req.payload.db
  const votes = config.votesSlug as CollectionSlug
  const document = `${collection}:${String(id)}`
  const mine: Where = { and: [{ document: { equals: document } }, { voter: { equals: voter } }] }
  const existing = (await db.findOne({ collection: votes, req, where: mine })) as null | {
    id: ID
    value?: unknown
  }
  const before = (existing ? Number(existing.value) : 0) as Vote
  if (before === value)
    return {
      votesUp: Number(stored[config.fields.up] ?? 0),
      votesDown: Number(stored[config.fields.down] ?? 0),
      myVote: value,
    }
  if (value === 0) await db.deleteOne({ collection: votes, req, where: mine })
  else if (existing)
    await db.updateOne({ collection: votes, data: { value }, id: existing.id, req })
  else {
    const now = new Date().toISOString()
    try {
      await db.create({
        collection: votes,
        data: { document, voter, value, createdAt: now, updatedAt: now },
        req,
      })
    } catch (error) {
      // The same voter's parallel first vote took the row (unique index): this one changes it.
      const updated = await db.updateOne({ collection: votes, data: { value }, req, where: mine })
      if (!updated) throw error
    }
  }
  const { up, down } = config.fields
  const totals = await writeCounters(req, collection, id, [up, down], async (_, lockedReq) => {
    const count = async (vote: Vote) =>
      (
        await db.count({
          collection: votes,
          req: lockedReq,
          where: { and: [{ document: { equals: document } }, { value: { equals: vote } }] },
        })
      ).totalDocs
    // One after the other: both run on the lock's one transaction connection.
    const upCount = await count(1)
    const downCount = await count(-1)
    return { [up]: upCount, [down]: downCount } as Record<string, number>
  })
  return {
    votesUp: totals?.[up] ?? 0,
    votesDown: totals?.[down] ?? 0,
    myVote: value,
  }
}
