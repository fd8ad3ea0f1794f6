import type {
  CollectionAfterReadHook,
  CollectionBeforeReadHook,
  FieldHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import type { Neighbours, Position } from './neighbours'
import type { SanitizedAdjacentArticlesConfig } from './types'

import type { Headline } from '../shared/headline'

import { buildHeadlines, headlineSelect } from '../shared/headline'
import { loadByIds } from '../shared/loadByIds'
import { deferUntilPopulated, isDeferred } from '../shared/populatedLater'
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
 * section. A published article carries them, kept current at every publish, unpublish, move and
 * delete (`relink.ts`), so reading them costs nothing. Drafts, previews and articles not linked
 * yet are looked up (a list's documents together). Only for the documents being read, not for
 * articles populated inside them.
 */
const neighbourIds = async (
  config: SanitizedAdjacentArticlesConfig,
  { collection, currentDepth, draft, req, siblingData }: Parameters<FieldHook>[0],
): Promise<Neighbours> => {
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

type Doc = Record<string, unknown>
export type AdjacentHeadlines = { newer: Headline | null; older: Headline | null }

/** The neighbours as headlines (plugins/shared/headline.ts), in one batched read per list. */
const headlinesOf = async (
  req: PayloadRequest,
  collection: SanitizedCollectionConfig,
  neighbours: Neighbours,
): Promise<AdjacentHeadlines> => {
  const ids = [idOf(neighbours.newer), idOf(neighbours.older)]
  const wanted = ids.filter((id): id is number | string => id !== null)
  const select = headlineSelect(collection, { withStatus: true })
  const read = await loadByIds(req, collection.slug, wanted, select, { shouldSkipReadHooks: true })
  const visible = (id: null | number | string): Doc | null => {
    const doc = id === null ? undefined : read.get(String(id))
    return doc && (!hasDrafts(collection) || doc._status === 'published') ? doc : null
  }
  const [newer, older] = ids.map(visible)
  const shown = [newer, older].filter((doc): doc is Doc => doc !== null)
  const headlines = new Map(
    (await buildHeadlines(req, shown)).map((headline) => [String(headline.id), headline]),
  )
  return {
    newer: newer ? (headlines.get(String(newer.id)) ?? null) : null,
    older: older ? (headlines.get(String(older.id)) ?? null) : null,
  }
}

// The ids of a document whose headlines wait for the collection's afterRead.
const pendingNeighbours = new WeakMap<object, Neighbours>()

/**
 * `adjacent`: GraphQL gets the neighbours' ids and resolves them as `Article`, reading what the
 * query selects; REST and the Local API get the headline shape. When the read populates links
 * (REST `depth` ≥ 1) the headlines are made in the collection's afterRead instead
 * (`fillAdjacentHeadlines`), so that Payload does not populate whole neighbours first.
 */
export const readAdjacent =
  (config: SanitizedAdjacentArticlesConfig): FieldHook =>
  async (args) => {
    const neighbours = await neighbourIds(config, args)
    const { collection, currentDepth, depth, req, siblingData } = args
    if (req.payloadAPI === 'GraphQL' || !collection || !siblingData) return neighbours
    if (neighbours.newer === null && neighbours.older === null) return neighbours
    if (deferUntilPopulated(req, 'adjacent', siblingData, depth, currentDepth)) {
      pendingNeighbours.set(siblingData, neighbours)
      return { newer: null, older: null }
    }
    return headlinesOf(req, collection, neighbours)
  }

export const fillAdjacentHeadlines: CollectionAfterReadHook = async ({ collection, doc, req }) => {
  const pending = doc ? pendingNeighbours.get(doc) : undefined
  if (doc && pending && isDeferred(req, 'adjacent', doc))
    doc.adjacent = await headlinesOf(req, collection, pending)
  return doc
}
