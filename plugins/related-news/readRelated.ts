import type {
  CollectionAfterReadHook,
  FieldHook,
  PayloadRequest,
  SanitizedCollectionConfig,
} from 'payload'

import type { SanitizedRelatedNewsConfig } from './types'

import type { Headline } from '../shared/headline'

import { buildHeadlines, headlineSelect } from '../shared/headline'
import { loadByIds } from '../shared/loadByIds'
import { deferUntilPopulated, isDeferred } from '../shared/populatedLater'
import { hasDrafts } from '../shared/publication'
import type { ID } from '../shared/relationIds'

import { idOf } from '../shared/relationIds'

/** Over REST and the Local API each item is the headline shape; GraphQL resolves ids as `Article`. */
export type RelatedItem = Headline

type Doc = Record<string, unknown>

/** Editors' picks first, then stored suggestions, without duplicates or the article itself. */
const linkedValues = (doc: Doc): unknown[] => {
  const seen = new Set<string>([String(doc.id)])
  return [
    ...(Array.isArray(doc.relatedArticles) ? doc.relatedArticles : []),
    ...(Array.isArray(doc.relatedSuggestions) ? doc.relatedSuggestions : []),
  ].filter((value) => {
    const id = idOf(value)
    if (id === null || seen.has(String(id))) return false
    seen.add(String(id))
    return true
  })
}

/** A linked document the read has already populated with what an item needs. */
const isLoaded = (value: unknown): value is Doc =>
  typeof value === 'object' && value !== null && '_status' in value && 'title' in value

/**
 * The related items of `doc`: linked documents already populated with their status are used as
 * they are; the rest are read in one batched query (shared by all documents of a list). When the
 * read has populated the links (`wasPopulated`), a link left as a bare id is one the reader may not
 * see (an unpublished article) or that no longer exists: it is left out without a query.
 */
const buildRelated = async (
  config: SanitizedRelatedNewsConfig,
  collection: SanitizedCollectionConfig,
  req: PayloadRequest,
  doc: Doc,
  wasPopulated: boolean,
): Promise<ID[] | RelatedItem[]> => {
  const values = linkedValues(doc)
  if (values.length === 0) return []
  const isHidden = (value: unknown) => wasPopulated && typeof value !== 'object'
  const toRead = values
    .filter((value) => !isLoaded(value) && !isHidden(value))
    .map((value) => idOf(value)!)
  const select = headlineSelect(collection, { withStatus: true })
  const read = toRead.length
    ? await loadByIds(req, collection.slug, toRead, select, { shouldSkipReadHooks: true })
    : new Map<string, Doc>()
  const isPublished = (linked: Doc) => !hasDrafts(collection) || linked._status === 'published'
  const shown = values
    .flatMap((value): Doc[] => {
      const linked = isLoaded(value) ? value : read.get(String(idOf(value)))
      return linked && isPublished(linked) ? [linked] : []
    })
    .slice(0, config.readLimit)
  // GraphQL resolves the ids as `Article` (the one type of a headline there), reading what the
  // query selects; everywhere else the items are the headline shape itself.
  if (req.payloadAPI === 'GraphQL') return shown.map((linked) => linked.id as ID)
  return buildHeadlines(req, shown)
}

// Documents whose `related` is made in the collection's afterRead from links Payload leaves as ids.
const builtAfterRead = new WeakSet<object>()

/**
 * `related` on read: editors' picks first, then stored suggestions; published only, no
 * duplicates, at most `readLimit`. Only for the documents being read, not for articles populated
 * inside them. GraphQL gets ids and resolves them as `Article`. Elsewhere the headlines are made
 * in the collection's afterRead (`fillRelated`): Payload turns the objects of a hasMany
 * relationship back into ids after the field's hooks. When the read populates the links anyway
 * (REST `depth` ≥ 1) they are made from those documents, at no extra query; otherwise in one
 * batched query.
 */
export const readRelated =
  (config: SanitizedRelatedNewsConfig): FieldHook =>
  async ({ collection, currentDepth, depth, req, siblingData }) => {
    if (!collection || !siblingData || (currentDepth ?? 1) > 1) return []
    if (req.payloadAPI === 'GraphQL')
      return buildRelated(config, collection, req, siblingData as Doc, false)
    if (!deferUntilPopulated(req, 'related', siblingData, depth, currentDepth))
      builtAfterRead.add(siblingData)
    return []
  }

export const fillRelatedFromPopulated =
  (config: SanitizedRelatedNewsConfig): CollectionAfterReadHook =>
  async ({ collection, doc, req }) => {
    if (!doc) return doc
    if (isDeferred(req, 'related', doc))
      doc.related = await buildRelated(config, collection, req, doc, true)
    else if (builtAfterRead.has(doc))
      doc.related = await buildRelated(config, collection, req, doc, false)
    return doc
  }
