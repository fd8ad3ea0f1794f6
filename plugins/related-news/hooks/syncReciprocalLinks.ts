import type { CollectionAfterChangeHook, CollectionSlug, PayloadRequest } from 'payload'

import type { ID } from '../../shared/relationIds'
import type { SanitizedRelatedNewsConfig } from '../types'

import { savesKeyOf, withLocks } from '../../shared/documentLock'
import { idsOf, sameId } from '../../shared/relationIds'
import { writeDerivedFields } from '../../shared/writeRelations'
import { hasDrafts } from '../../shared/publication'

/** Rewrites one article's picks through `change`, on its stored document and latest version. */
export const updatePicks = async (
  collection: string,
  id: ID,
  change: (picks: ID[]) => ID[],
  req: PayloadRequest,
  isDraftEnabled: boolean,
): Promise<void> => {
  const found = await req.payload.find({
    collection: collection as CollectionSlug,
    depth: 0,
    draft: isDraftEnabled,
    limit: 1,
    overrideAccess: true,
    pagination: false,
    req,
    select: { relatedArticles: true } as never,
    where: { id: { equals: id } },
  })
  const doc = found.docs[0] as unknown as Record<string, unknown> | undefined
  if (!doc) return
  const current = idsOf(doc.relatedArticles)
  const next = change(current)
  if (next.length === current.length && next.every((value, index) => sameId(value, current[index])))
    return
  await writeDerivedFields({
    collection,
    data: { relatedArticles: next },
    id,
    reason: 'reciprocalLink',
    req,
  })
}

/**
 * A→B implies B→A. Runs after the change inside the same transaction, so a failed save leaves
 * neither side linked. Writes the other side directly (no new version, no hooks): no hook loops.
 * Under `saves:<collection>`, which the save took before its first write on PostgreSQL (see
 * lockCollectionSaves): another save linking the same articles reads them after this one commits.
 */
export const syncReciprocalLinks =
  (config: SanitizedRelatedNewsConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, previousDoc, req }) => {
    if (!config.enabled) return doc
    const now = idsOf(doc.relatedArticles)
    const before = idsOf(previousDoc?.relatedArticles)
    const added = now.filter((id) => !before.some((old) => sameId(old, id)))
    const removed = before.filter((id) => !now.some((current) => sameId(current, id)))
    if (added.length === 0 && removed.length === 0) return doc
    const isDraftEnabled = hasDrafts(collection)
    await withLocks(req, [savesKeyOf(collection.slug)], async (req) => {
      for (const id of added) {
        await updatePicks(
          collection.slug,
          id,
          (picks) => (picks.some((pick) => sameId(pick, doc.id)) ? picks : [...picks, doc.id]),
          req,
          isDraftEnabled,
        )
      }
      for (const id of removed) {
        await updatePicks(
          collection.slug,
          id,
          (picks) => picks.filter((pick) => !sameId(pick, doc.id)),
          req,
          isDraftEnabled,
        )
      }
    })
    return doc
  }
