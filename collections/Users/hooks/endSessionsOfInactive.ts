import type { CollectionAfterChangeHook, CollectionSlug } from 'payload'

/**
 * Switching an account off ends its open sessions: Payload's JWT strategy accepts a token only
 * while its session is in the user's `sessions` (auth.useSessions, on by default), so emptying
 * that list signs the account out everywhere — as Payload's own logout removes one session, with
 * a write of the adapter that runs no hooks. Switched on again, the old tokens stay dead.
 */
export const endSessionsOfInactive: CollectionAfterChangeHook = async ({
  collection,
  doc,
  previousDoc,
  req,
}) => {
  if (doc.active !== false || previousDoc?.active === false) return doc
  await req.payload.db.updateOne({
    collection: collection.slug as CollectionSlug,
    data: { sessions: [] },
    id: doc.id,
    req,
    returning: false,
  })
  return doc
}
