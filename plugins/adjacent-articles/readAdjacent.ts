import type { CollectionAfterReadHook, CollectionBeforeReadHook, FieldHook } from 'payload'

import type { Neighbours, Position } from './neighbours'
import type { SanitizedAdjacentArticlesConfig } from './types'

import { hasDrafts } from '../shared/publication'
import { idOf } from '../shared/relationIds'
import { joinRequestBatch } from '../shared/requestBatch'
import { neighboursInGroup } from './neighbours'

/**
 * The stored half of `adjacent`: neighbour ids as plain values, not relationship columns (a
 * foreign key from each article to its neighbours made concurrent saves in one section deadlock on
 * PostgreSQL), and a revision that is null until the document has been linked.
 */
export const LINKS_FIELD = 'adjacentLinks'

export type StoredLinks = { newer?: unknown; older?: unknown; revision?: null | number }

// The links are a hidden field, dropped during the read before `adjacent` could see them.
const linksOfDocument = new WeakMap<object, null | StoredLinks>()

export const rememberStoredLinks: CollectionBeforeReadHook = ({ doc }) => {
  if (doc && typeof doc === 'object')
    linksOfDocument.set(doc, (doc as Record<string, unknown>)[LINKS_FIELD] as null | StoredLinks)
  return doc
}

/** Payload leaves a hidden group behind as `{}`; readers have no use for even its name. */
export const dropEmptyLinks: CollectionAfterReadHook = ({ doc }) => {
  const links = (doc as Record<string, unknown> | undefined)?.[LINKS_FIELD]
  if (links && typeof links === 'object' && Object.keys(links).length === 0)
    delete (doc as Record<string, unknown>)[LINKS_FIELD]
  return doc
}

/**
 * The seed page's previous/next lines: ids of the neighbouring published articles of the same
 * section, which Payload then populates together with the article's other relationships. A
 * published article carries them, kept current at every publish, unpublish, move and delete
 * (`relink.ts`), so reading them costs nothing. Drafts, previews and articles not linked yet are
 * looked up (a list's documents together). Only for the documents being read, not for articles
 * populated inside them.
 */
export const readAdjacent =
  (config: SanitizedAdjacentArticlesConfig): FieldHook =>
  async ({ collection, currentDepth, draft, req, siblingData }) => {
    const empty: Neighbours = { newer: null, older: null }
    const group = idOf(siblingData?.[config.groupBy])
    if (
      !config.enabled ||
      (currentDepth ?? 1) > 1 ||
      !collection ||
      !siblingData?.id ||
      !siblingData[config.dateField] ||
      group === null
    ) {
      return empty
    }
    const stored = linksOfDocument.get(siblingData)
    const isPublishedState = !hasDrafts(collection) || siblingData._status === 'published'
    if (!draft && isPublishedState && typeof stored?.revision === 'number') {
      return { newer: idOf(stored.newer), older: idOf(stored.older) }
    }
    const wanted: Position = { id: siblingData.id, date: siblingData[config.dateField], group }
    const neighbours = await joinRequestBatch(
      req,
      `adjacent\n${collection.slug}`,
      wanted,
      async (docs) => {
        const groups = new Map<string, Position[]>()
        for (const doc of docs)
          groups.set(String(doc.group), [...(groups.get(String(doc.group)) ?? []), doc])
        const maps = await Promise.all(
          [...groups.values()].map((group) =>
            neighboursInGroup(config, collection, { payload: req.payload, req }, group),
          ),
        )
        return new Map(maps.flatMap((map) => [...map]))
      },
    )
    return neighbours.get(String(siblingData.id)) ?? empty
  }
