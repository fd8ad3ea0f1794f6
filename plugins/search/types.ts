import type { CollectionConfig, Payload, PayloadRequest } from 'payload'

/** One published article as the index sees it: NFC text, ids as strings. */
export type SearchDocument = {
  /** The article's id. */
  id: string
  title: string
  subtitle: string
  keywords: string[]
  byline: string
  regionLabel: string
  /** The body as plain text. */
  body: string
  section: null | string
  region: null | string
  /** ISO instant, for recency. */
  registeredAt: null | string
}

/** What a search asks an adapter. Terms are folded (NFC, lower case), without particles to retry. */
export type SearchQuery = {
  terms: string[]
  /** Section ids (strings) the article must be in, or null for any. */
  sections: null | string[]
  /** Region ids (a 시도 and its 시군구), or null for any. */
  regions: null | string[]
  page: number
  limit: number
}

/** One hit: the article's id and, if the adapter has it, a highlighted passage (HTML). */
export type SearchHit = { id: string; snippet?: null | string }

export type SearchResult = { hits: SearchHit[]; totalDocs: number }

/**
 * Where the index lives. The built-in `databaseSearchAdapter` keeps it in the app's database
 * (SQLite, PostgreSQL, MongoDB); a larger newsroom can plug an external engine (OpenSearch with the
 * `nori` analyzer) by implementing these four calls. Ranking contract: articles whose title or
 * keywords contain the terms first, then newer (`registeredAt`) first.
 */
export type SearchAdapter = {
  name: string
  /** Collections the adapter needs (the built-in one adds its hidden index collection). */
  collections?: (slug: string) => CollectionConfig[]
  /** Called once at startup (create indexes and the like). */
  init?: (payload: Payload) => Promise<void>
  /** Add or replace one article. Runs in the save's transaction when `req` has one. */
  upsert: (args: { doc: SearchDocument; req: PayloadRequest }) => Promise<void>
  /** Remove one article (unpublished, deleted, held back). */
  remove: (args: { id: string; req: PayloadRequest }) => Promise<void>
  /** Ids of every indexed article (for `search:reindex` to drop stale ones). */
  listIds?: (args: { req: PayloadRequest }) => Promise<string[]>
  /** Called when `search:reindex` has written every article (rebuild what is derived from them). */
  afterReindex?: (args: { payload: Payload }) => Promise<void>
  search: (args: { query: SearchQuery; req: PayloadRequest }) => Promise<SearchResult>
}

export type SearchOptions = {
  /** The collection searched (drafts enabled, published only). @default 'articles' */
  collection?: string
  /** Sections and regions collections (slugs), for the `section` / `region` filters. */
  sections?: string
  regions?: string
  /** Where the index lives. @default databaseSearchAdapter() */
  adapter?: SearchAdapter
  /** Page size when none is asked for. @default 10 */
  defaultLimit?: number
  /** Largest `limit` (query-limits' `maxLimit` for REST reads). @default 100 */
  maxLimit?: number
  /** Longest query accepted, in characters. @default 200 */
  maxQueryLength?: number
  /** Most terms used from a query. @default 8 */
  maxTerms?: number
  /** The slug of the built-in adapter's index collection. @default 'search-index' */
  indexSlug?: string
  /** When false the index collection stays (stable schema) and nothing is indexed or served. @default true */
  enabled?: boolean
}

export type SanitizedSearchConfig = Required<SearchOptions>
