import type {
  CollectionAfterChangeHook,
  CollectionAfterDeleteHook,
  CollectionBeforeChangeHook,
  CollectionSlug,
  Payload,
  PayloadRequest,
  SanitizedCollectionConfig,
  Where,
} from 'payload'

import type { ID, Neighbours, Position, Reader } from './neighbours'
import type { StoredLinks } from './readAdjacent'
import type { SanitizedAdjacentArticlesConfig } from './types'

import { savesKeyOf, withLocks } from '../shared/documentLock'
import { hasDrafts, publishedOnly } from '../shared/publication'
import { idOf, sameId } from '../shared/relationIds'
import { readStoredDocument } from '../shared/storedDocument'
import { compare, neighboursOf } from './neighbours'
import { LINKS_FIELD } from './readAdjacent'

/** Another relinking wrote in between this many times in a row: leave it to that one. */
const MAX_ATTEMPTS = 5

const UNLINKED: StoredLinks = { newer: null, older: null, revision: null }

/** Where a stored document sits in its section's timeline, or null when readers cannot see it. */
export const positionOf = (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  doc: null | Record<string, unknown> | undefined,
): null | Position => {
  if (!doc?.id) return null
  if (hasDrafts(collection) && doc._status !== 'published') return null
  const group = idOf(doc[config.groupBy])
  const date = doc[config.dateField]
  if (group === null || !date) return null
  return { id: doc.id as ID, group, date: new Date(date as string).toISOString() }
}

/** What relinking reads of a stored document. */
const linkingSelect = (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
): Record<string, true> => ({
  [config.groupBy]: true,
  [config.dateField]: true,
  [LINKS_FIELD]: true,
  ...(hasDrafts(collection) ? { _status: true as const } : {}),
})

const samePosition = (a: null | Position, b: null | Position): boolean =>
  a !== null && b !== null && String(a.group) === String(b.group) && a.date === b.date

const revisionOf = (links: null | StoredLinks | undefined): null | number =>
  typeof links?.revision === 'number' ? links.revision : null

/**
 * Writes `links` only if nobody has relinked the document since `revision` was read. Saves relink
 * under their collection's save lock, but a repair run (`relinkCollection`) does not, and must not
 * overwrite what a save wrote meanwhile. One conditional write, so it holds across processes.
 */
export const writeLinks = async (
  reader: Reader,
  collection: SanitizedCollectionConfig,
  id: ID,
  revision: null | number,
  links: Neighbours,
): Promise<boolean> => {
  const unchanged: Where =
    revision === null
      ? { [`${LINKS_FIELD}.revision`]: { exists: false } }
      : { [`${LINKS_FIELD}.revision`]: { equals: revision } }
  const written = await reader.payload.db.updateOne({
    collection: collection.slug as CollectionSlug,
    data: { [LINKS_FIELD]: { ...links, revision: (revision ?? 0) + 1 } },
    options: { atomic: true },
    req: reader.req,
    where: { and: [{ id: { equals: id } }, unchanged] },
  })
  return Boolean(written)
}

/**
 * Brings one document's stored links in line with the database as it is now. Answers the links it
 * found (null when readers cannot see the document) and whether it had to write them.
 */
export const relinkDocument = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  reader: Reader,
  id: ID,
): Promise<{ isWritten: boolean; links: Neighbours | null }> => {
  const { payload } = reader
  const select = linkingSelect(config, collection)
  let links: Neighbours | null = null
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const doc = (await payload.db.findOne({
      collection: collection.slug as CollectionSlug,
      req: reader.req,
      select,
      where: { id: { equals: id } },
    })) as null | Record<string, unknown>
    const position = positionOf(config, collection, doc)
    // Unpublished documents keep whatever they had: readers never see them, and publishing relinks.
    if (!position) return { isWritten: false, links: null }
    const stored = doc![LINKS_FIELD] as null | StoredLinks
    const revision = revisionOf(stored)
    links = await neighboursOf(config, collection, reader, position)
    if (
      revision !== null &&
      sameId(stored?.newer, links.newer) &&
      sameId(stored?.older, links.older)
    )
      return { isWritten: false, links }
    if (await writeLinks(reader, collection, id, revision, links)) return { isWritten: true, links }
  }
  payload.logger.warn(
    `adjacent: ${collection.slug} ${id} was relinked by others ${MAX_ATTEMPTS} times in a row; leaving it to them`,
  )
  return { isWritten: false, links }
}

/**
 * After a document left `before` (if it was published there) and/or arrived where it now is: it,
 * its new neighbours (found by relinking it) and the neighbours of the place it left get their
 * links recomputed. Runs in the save's transaction (a failed save relinks nothing) under the
 * collection's save lock: the timeline it reads holds every save committed before it, and the next
 * save of the collection reads this one's links once it commits — from any process.
 */
export const relinkAround = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  reader: Reader,
  change: { before: null | Position; id: ID },
): Promise<void> => {
  const [own, left] = await Promise.all([
    relinkDocument(config, collection, reader, change.id),
    change.before ? neighboursOf(config, collection, reader, change.before) : null,
  ])
  const affected = new Map<string, ID>()
  for (const id of [own.links?.newer, own.links?.older, left?.newer, left?.older]) {
    if (id !== null && id !== undefined && String(id) !== String(change.id))
      affected.set(String(id), id)
  }
  await Promise.all(
    [...affected.values()].map((id) => relinkDocument(config, collection, reader, id)),
  )
}

type Remembered = { before: null | Position; isLinked: boolean }
const rememberedFor = (req: PayloadRequest): Map<string, Remembered> => {
  const context = req.context as { adjacentBeforeSave?: Map<string, Remembered> }
  context.adjacentBeforeSave ??= new Map()
  return context.adjacentBeforeSave
}

/**
 * The links are written only by relinking: a save keeps what is stored, whatever its data says
 * (the admin form sends back what it loaded, which may be older). Also notes where a published
 * document stood before the save, which only the stored row knows (a draft may have moved it).
 */
export const keepStoredLinks =
  (config: SanitizedAdjacentArticlesConfig): CollectionBeforeChangeHook =>
  async ({ collection, data, operation, originalDoc, req }) => {
    if (operation === 'create') return { ...data, [LINKS_FIELD]: UNLINKED }
    // A draft save writes only a version, which readers never get links from.
    if (req.context.isDraftSave || !originalDoc?.id) {
      const { [LINKS_FIELD]: _ignored, ...rest } = data
      return rest
    }
    const stored = await readStoredDocument(req, collection.slug, originalDoc)
    const links = (stored?.[LINKS_FIELD] ?? UNLINKED) as StoredLinks
    if (config.enabled) {
      rememberedFor(req).set(String(originalDoc.id), {
        before: positionOf(config, collection, stored),
        isLinked: revisionOf(links) !== null,
      })
    }
    return {
      ...data,
      [LINKS_FIELD]: {
        newer: idOf(links.newer),
        older: idOf(links.older),
        revision: revisionOf(links),
      },
    }
  }

export const relinkChanged =
  (config: SanitizedAdjacentArticlesConfig): CollectionAfterChangeHook =>
  async ({ collection, doc, operation, req }) => {
    if (!config.enabled || req.context.isDraftSave) return doc
    const remembered = rememberedFor(req)
    const { before, isLinked } = remembered.get(String(doc.id)) ?? { before: null, isLinked: false }
    remembered.delete(String(doc.id))
    const after = positionOf(config, collection, doc)
    if (!before && !after) return doc
    // An edit that neither moves nor (un)publishes the document changes nobody's neighbours.
    if (operation === 'update' && isLinked && samePosition(before, after)) return doc
    await withLocks(req, [savesKeyOf(collection.slug)], (req) =>
      relinkAround(config, collection, { payload: req.payload, req }, { id: doc.id, before }),
    )
    return doc
  }

export const relinkDeleted =
  (config: SanitizedAdjacentArticlesConfig): CollectionAfterDeleteHook =>
  async ({ collection, doc, req }) => {
    const before = positionOf(config, collection, doc)
    if (config.enabled && before)
      await withLocks(req, [savesKeyOf(collection.slug)], (req) =>
        relinkAround(config, collection, { payload: req.payload, req }, { id: doc.id, before }),
      )
    return doc
  }

/** The collections the plugin was given (it leaves its config on each), when it is enabled. */
const linkedCollections = (
  payload: Payload,
): { collection: SanitizedCollectionConfig; config: SanitizedAdjacentArticlesConfig }[] =>
  Object.values(payload.collections).flatMap(({ config: collection }) => {
    const config = (
      collection.custom as undefined | { adjacentArticles?: SanitizedAdjacentArticlesConfig }
    )?.adjacentArticles
    return config?.enabled ? [{ collection, config }] : []
  })

export type RelinkProgress = {
  collection: string
  checked: number
  rewritten: number
  total: number
}

/**
 * Checks every published document's links against the timeline and rewrites the wrong ones: for
 * a database that had documents before the plugin was added, after a bulk import that skipped
 * hooks, or as a periodic repair. Safe while the site runs (the same conditional writes).
 */
export const relinkCollection = async (
  config: SanitizedAdjacentArticlesConfig,
  collection: SanitizedCollectionConfig,
  payload: Payload,
  onProgress?: (progress: RelinkProgress) => void,
): Promise<RelinkProgress> => {
  const slug = collection.slug as CollectionSlug
  const select = linkingSelect(config, collection)
  const where: Where = { and: publishedOnly(collection) }
  const timelines = new Map<string, (Position & { links: null | StoredLinks })[]>()
  const pageSize = 2000
  let total = 0
  for (let page = 1; ; page++) {
    const result = await payload.db.find({
      collection: slug,
      limit: pageSize,
      page,
      pagination: true,
      select,
      sort: 'id',
      where,
    })
    total = result.totalDocs
    for (const doc of result.docs as Record<string, unknown>[]) {
      const position = positionOf(config, collection, doc)
      if (!position) continue
      const key = String(position.group)
      if (!timelines.has(key)) timelines.set(key, [])
      timelines.get(key)!.push({ ...position, links: doc[LINKS_FIELD] as null | StoredLinks })
    }
    if (!result.hasNextPage) break
  }
  const progress: RelinkProgress = { collection: collection.slug, checked: 0, rewritten: 0, total }
  for (const timeline of timelines.values()) {
    timeline.sort(compare)
    for (const [index, doc] of timeline.entries()) {
      const links: Neighbours = {
        newer: timeline[index + 1]?.id ?? null,
        older: timeline[index - 1]?.id ?? null,
      }
      const revision = revisionOf(doc.links)
      const isCurrent =
        revision !== null &&
        sameId(doc.links?.newer, links.newer) &&
        sameId(doc.links?.older, links.older)
      if (!isCurrent) {
        // Something changed since the scan if the write is refused: look again from the database.
        const written =
          (await writeLinks({ payload }, collection, doc.id, revision, links)) ||
          (await relinkDocument(config, collection, { payload }, doc.id)).isWritten
        if (written) progress.rewritten += 1
      }
      progress.checked += 1
      if (progress.checked % 1000 === 0) onProgress?.({ ...progress })
    }
  }
  onProgress?.({ ...progress })
  return progress
}

/** `relinkCollection` for every collection the plugin was given. */
export const relinkAdjacentArticles = async (
  payload: Payload,
  onProgress?: (progress: RelinkProgress) => void,
): Promise<RelinkProgress[]> => {
  const results: RelinkProgress[] = []
  for (const { collection, config } of linkedCollections(payload))
    results.push(await relinkCollection(config, collection, payload, onProgress))
  return results
}

/**
 * At start: published documents saved before the plugin was added (or bulk-imported past its
 * hooks) are linked in the background; until then their reads look the neighbours up, so nothing
 * waits for it. One count query when everything is linked.
 */
export const linkUnlinkedInBackground = async (payload: Payload): Promise<void> => {
  for (const { collection, config } of linkedCollections(payload)) {
    let totalDocs: number
    try {
      ;({ totalDocs } = await payload.db.count({
        collection: collection.slug as CollectionSlug,
        where: {
          and: [...publishedOnly(collection), { [`${LINKS_FIELD}.revision`]: { exists: false } }],
        },
      }))
    } catch (error) {
      // A database whose migrations have not run yet (a first start, a migration test) has no
      // table to count in: nothing to link, and reads look neighbours up until it is linked.
      payload.logger.debug({
        err: error,
        msg: `adjacent: could not count unlinked ${collection.slug}`,
      })
      continue
    }
    if (totalDocs === 0) continue
    payload.logger.info(
      `adjacent: linking ${totalDocs} ${collection.slug} saved before their neighbours were stored…`,
    )
    void relinkCollection(config, collection, payload, (progress) =>
      payload.logger.info(
        `adjacent: ${progress.checked}/${progress.total} checked, ${progress.rewritten} linked`,
      ),
    ).catch((error: unknown) =>
      payload.logger.error({
        err: error,
        msg: `adjacent: linking ${collection.slug} stopped; reads keep looking neighbours up`,
      }),
    )
  }
}
