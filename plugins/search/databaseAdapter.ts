import type { CollectionSlug, Payload, PayloadRequest } from 'payload'

import { type SQL, sql } from 'drizzle-orm'

import type { SearchAdapter, SearchDocument, SearchHit, SearchQuery } from './types'

import {
  gramCountsCollection,
  gramCountsSlugOf,
  INDEX_SLUG,
  searchIndexCollection,
} from './indexCollection'
import { inTransaction } from '../shared/documentLock'
import { buildSnippet } from './snippet'
import {
  documentGrams,
  HEAD_MARK,
  foldText,
  headGrams,
  headTermGrams,
  isExactByGrams,
  termGrams,
} from './text'

type Row = Record<string, unknown>
type Kind = 'mongodb' | 'postgres' | 'sqlite'

const kindOf = (payload: Payload): Kind => {
  const name = payload.db.name
  if (name === 'sqlite') return 'sqlite'
  if (name === 'postgres') return 'postgres'
  if (name === 'mongoose') return 'mongodb'
  throw new Error(`search: no built-in index for the "${name}" database adapter; pass an adapter`)
}

const tableOf = (slug: string) => slug.replace(/-/g, '_')

/**
 * Development starts push Payload's schema with drizzle-kit, which drops every table it does not
 * know (after a data-loss prompt) — the FTS5 table and its shadow tables included. It leaves
 * tables named `_cf_…` alone (the prefix Cloudflare D1 keeps for itself), so the FTS5 table
 * carries it; its triggers are not compared at all.
 */
const ftsTableOf = (slug: string) => `_cf_${tableOf(slug)}_fts`

/**
 * PostgreSQL: the grams as a `simple` text-search vector, GIN-indexed. A `jsonb @>` GIN index
 * (jsonb_path_ops) is lossy: every candidate's grams were read back and decompressed to recheck,
 * 290 ms for a word in a third of 10k stories; a vector's AND of lexemes needs no recheck (8 ms).
 * Wrapped in a PL/pgSQL function (never inlined) priced as costly as it is: with the bare
 * expression the planner chose to compute it row by row over the whole table for common words.
 */
const pgVectorFunction = (table: string) => `${table}_grams_vector`
const pgVectorSql = (table: string) =>
  `CREATE OR REPLACE FUNCTION "${pgVectorFunction(table)}"(grams jsonb) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 10000 AS $$ BEGIN RETURN jsonb_to_tsvector('simple'::regconfig, grams, '["string"]'::jsonb); END $$`

// The text-search parser keeps a run of letters or of digits whole; a gram mixing both may be
// split (`1경` → `1`, `경`), so such terms are checked literally as well.
const isSingleToken = (term: string) => /^(\p{L}+|\p{N}+)$/u.test(term)

/**
 * The SQL that indexes the grams, per database; run at startup when missing (development pushes
 * the schema without it) and by the committed migrations. SQLite: an FTS5 table over the grams
 * column kept by triggers (`ascii` tokenizer: each gram is a token; `detail=none`: membership is
 * all a gram needs). PostgreSQL: a GIN index over the grams as a text-search vector.
 */
export const searchIndexSql = (kind: 'postgres' | 'sqlite', slug = INDEX_SLUG) => {
  const table = tableOf(slug)
  const fts = ftsTableOf(slug)
  if (kind === 'postgres')
    return {
      up: [
        pgVectorSql(table),
        `CREATE INDEX IF NOT EXISTS "${table}_grams_tsv_idx" ON "${table}" USING gin ("${pgVectorFunction(table)}"("grams"))`,
        // The rank's date order, walked newest first until a page is full.
        `CREATE INDEX IF NOT EXISTS "${table}_recent_idx" ON "${table}" (registered_at DESC NULLS LAST, id DESC)`,
      ],
      down: [
        `DROP INDEX IF EXISTS "${table}_recent_idx"`,
        `DROP INDEX IF EXISTS "${table}_grams_tsv_idx"`,
        `DROP FUNCTION IF EXISTS "${pgVectorFunction(table)}"(jsonb)`,
      ],
    }
  return {
    up: [
      `CREATE VIRTUAL TABLE IF NOT EXISTS "${fts}" USING fts5(grams, content='${table}', content_rowid='id', tokenize='ascii', detail='none')`,
      `CREATE TRIGGER IF NOT EXISTS "${table}_fts_insert" AFTER INSERT ON "${table}" BEGIN INSERT INTO "${fts}"(rowid, grams) VALUES (new.id, new.grams); END`,
      `CREATE TRIGGER IF NOT EXISTS "${table}_fts_delete" AFTER DELETE ON "${table}" BEGIN INSERT INTO "${fts}"("${fts}", rowid, grams) VALUES ('delete', old.id, old.grams); END`,
      `CREATE TRIGGER IF NOT EXISTS "${table}_fts_update" AFTER UPDATE ON "${table}" BEGIN INSERT INTO "${fts}"("${fts}", rowid, grams) VALUES ('delete', old.id, old.grams); INSERT INTO "${fts}"(rowid, grams) VALUES (new.id, new.grams); END`,
      // What a ranked page reads of each match, so that it never reads a wide row (a body).
      `CREATE INDEX IF NOT EXISTS "${table}_rank_idx" ON "${table}" (id, registered_at, section, region, head, article)`,
      // The same in the rank's date order: walked newest first until a page is full.
      `CREATE INDEX IF NOT EXISTS "${table}_recent_idx" ON "${table}" (registered_at, id, section, region, head, article)`,
      `INSERT INTO "${fts}"("${fts}") VALUES ('rebuild')`,
    ],
    down: [
      `DROP INDEX IF EXISTS "${table}_recent_idx"`,
      `DROP INDEX IF EXISTS "${table}_rank_idx"`,
      `DROP TRIGGER IF EXISTS "${table}_fts_update"`,
      `DROP TRIGGER IF EXISTS "${table}_fts_delete"`,
      `DROP TRIGGER IF EXISTS "${table}_fts_insert"`,
      `DROP TABLE IF EXISTS "${fts}"`,
    ],
  }
}

type Drizzle = {
  execute?: (query: SQL) => Promise<{ rows: Row[] }>
  run?: (query: SQL) => Promise<{ rows: Row[] }>
  transaction?: <T>(run: (tx: Drizzle) => Promise<T>) => Promise<T>
}

const drizzleOf = async (payload: Payload, req?: PayloadRequest): Promise<Drizzle> => {
  const db = payload.db as unknown as {
    drizzle: Drizzle
    sessions?: Record<string, { db: Drizzle }>
  }
  const id = req?.transactionID ? await req.transactionID : undefined
  return (id !== undefined && db.sessions?.[String(id)]?.db) || db.drizzle
}

const rowsOf = async (kind: Kind, db: Drizzle, query: SQL): Promise<Row[]> =>
  kind === 'sqlite' ? (await db.run!(query)).rows : (await db.execute!(query)).rows

const list = (values: string[]) =>
  sql.join(
    values.map((value) => sql`${value}`),
    sql`, `,
  )

/**
 * PostgreSQL keeps how many entries hold each gram (the `search-gram-counts` collection), so that
 * a query of one gram reads its exact total and title-hit total (`hh` + gram) from one row each
 * instead of counting every match (a bitmap heap scan of up to every entry: 90–390 ms for a word
 * in 97 % of 100k stories on the loaded bench machine). Two or more grams: the intersection is not in the table, the search
 * counts. The empty gram counts every entry; its row marks the table complete, and without it the
 * counts are neither used nor kept (the startup fill writes them all at once).
 */
const ALL_ENTRIES = ''

/** +1 for each gram the entry gained, −1 for each it lost (`null`: no entry). */
const gramDelta = (before: unknown, after: unknown): Record<string, number> => {
  const setOf = (grams: unknown) =>
    new Set(Array.isArray(grams) ? [ALL_ENTRIES, ...grams.map(String)] : [])
  const old = setOf(before)
  const next = setOf(after)
  const delta: Record<string, number> = {}
  for (const gram of old) if (!next.has(gram)) delta[gram] = -1
  for (const gram of next) if (!old.has(gram)) delta[gram] = 1
  return delta
}

/**
 * One statement for all the changed grams, in gram order: two publishes sharing grams lock the hot
 * rows in the same order (one waits, neither deadlocks). Rows that reach 0 stay (a gram that comes
 * back finds its row; an absent row reads as 0 all the same).
 */
const applyGramDelta = async (db: Drizzle, counts: string, delta: Record<string, number>) => {
  if (Object.keys(delta).length === 0) return
  const table = sql.identifier(counts)
  await rowsOf(
    'postgres',
    db,
    sql`INSERT INTO ${table} (gram, docs)
      SELECT d.key, d.value::numeric FROM jsonb_each_text(${JSON.stringify(delta)}::jsonb) d
      WHERE EXISTS (SELECT 1 FROM ${table} WHERE gram = ${ALL_ENTRIES})
      ORDER BY d.key
      ON CONFLICT (gram) DO UPDATE SET docs = ${table}.docs + excluded.docs`,
  )
}

/**
 * Writes every gram's count from the entries (one INSERT … SELECT), when the table is not marked
 * complete or when `force`d (after `search:reindex`). The entries are locked against writes (SHARE)
 * meanwhile, the index before the counts as a publish does: a publish waits, then keeps counting
 * on top; several processes starting at once fill it once. Searches go on reading.
 */
export const rebuildGramCounts = async (
  payload: Payload,
  slug = INDEX_SLUG,
  options: { force?: boolean } = {},
): Promise<boolean> => {
  const db = await drizzleOf(payload)
  const index = sql.identifier(tableOf(slug))
  const counts = sql.identifier(tableOf(gramCountsSlugOf(slug)))
  const isComplete = async (on: Drizzle) =>
    (await rowsOf('postgres', on, sql`SELECT 1 AS n FROM ${counts} WHERE gram = ${ALL_ENTRIES}`))
      .length > 0
  if (!options.force && (await isComplete(db))) return false
  return db.transaction!(async (tx) => {
    await rowsOf('postgres', tx, sql`LOCK TABLE ${index} IN SHARE MODE`)
    await rowsOf('postgres', tx, sql`LOCK TABLE ${counts} IN EXCLUSIVE MODE`)
    if (!options.force && (await isComplete(tx))) return false
    await rowsOf('postgres', tx, sql`DELETE FROM ${counts}`)
    await rowsOf(
      'postgres',
      tx,
      sql`INSERT INTO ${counts} (gram, docs)
        SELECT g, count(*) FROM ${index} s, jsonb_array_elements_text(s.grams) g GROUP BY g
        UNION ALL SELECT ${ALL_ENTRIES}, count(*) FROM ${index}`,
    )
    return true
  })
}

/**
 * How a ranked page is read. `sort`: every match of the page's part of the ranking is read and
 * sorted (cost grows with the matches). `walk`: the entries are walked newest first and the walk
 * stops when the page is full (cost grows with page × stories / matches: cheap for common words).
 * `auto` picks the cheaper by the counts; the other two are for tests and benchmarks.
 */
export type SearchStrategy = 'auto' | 'sort' | 'walk'

// What a walked entry costs against a sorted one. Body-only hits are checked by the text: ~8× on
// SQLite (55 µs against 7 µs), ~20× on PostgreSQL (the text is read back from TOAST). One term's
// title hits by the title and keywords: SQLite's walked index holds them, PostgreSQL reads the row.
const WALK_COST = { body: { postgres: 20, sqlite: 8 }, head: { postgres: 3, sqlite: 1 } }

/**
 * The page's ids in rank order and the exact total. The ranking has two parts: title/keyword hits
 * (few; found through their marked grams, `headGrams`) and body-only hits (ordered by date alone).
 * Each part is read only as far as the page reaches into it, by the cheaper of `sort` and `walk`,
 * so that a word in nearly every story costs about a page, not every match.
 */
const rankedPage = async (
  kind: 'postgres' | 'sqlite',
  slug: string,
  db: Drizzle,
  query: SearchQuery,
  strategy: SearchStrategy,
): Promise<{ ids: string[]; totalDocs: number }> => {
  const name = tableOf(slug)
  const rankTable =
    kind === 'sqlite'
      ? sql`${sql.identifier(name)} s INDEXED BY ${sql.identifier(`${name}_rank_idx`)}`
      : sql`${sql.identifier(name)} s`
  const recentTable =
    kind === 'sqlite'
      ? sql`${sql.identifier(name)} s INDEXED BY ${sql.identifier(`${name}_recent_idx`)}`
      : sql`${sql.identifier(name)} s`
  const fts = sql.identifier(ftsTableOf(slug))
  const grams = [...new Set(query.terms.flatMap(termGrams))]
  const gramsOfTerms = query.terms.map(headTermGrams)
  // Grams are letters and digits only; quoted, each is one FTS5 token.
  const ftsAll = (list: string[]) => list.map((gram) => `"${gram}"`).join(' AND ')
  const ftsMatch = ftsAll(grams)
  const ftsHeadMatch = `${ftsMatch} AND (${gramsOfTerms.map((list) => `(${ftsAll(list)})`).join(' OR ')})`
  const tsquery = (list: string[]) => sql`plainto_tsquery('simple', ${list.join(' ')})`
  const pgHeadQuery = sql`(${tsquery(grams)} && (${sql.join(gramsOfTerms.map(tsquery), sql` || `)}))`
  const byGrams = (head: boolean) =>
    kind === 'sqlite'
      ? sql`s.id IN (SELECT rowid FROM ${fts} WHERE ${fts} MATCH ${head ? ftsHeadMatch : ftsMatch})`
      : sql`${sql.identifier(pgVectorFunction(name))}(s.grams) @@ ${head ? pgHeadQuery : tsquery(grams)}`
  const contains = (column: 'head' | 'text', term: string) =>
    kind === 'sqlite'
      ? sql`instr(${sql.identifier(column)}, ${term}) > 0`
      : sql`strpos(${sql.identifier(column)}, ${term}) > 0`
  // Grams prove a one- or two-character word; anything longer (or with symbols) is checked as a
  // literal substring: parameters, never query syntax.
  const isExact = (term: string) =>
    isExactByGrams(term) && (kind === 'sqlite' || isSingleToken(term))
  const rest: SQL[] = query.terms
    .filter((term) => !isExact(term))
    .map((term) => contains('text', term))
  if (query.sections) rest.push(sql`s.section IN (${list(query.sections)})`)
  if (query.regions) rest.push(sql`s.region IN (${list(query.regions)})`)
  const and = (conditions: SQL[]) =>
    conditions.length ? sql.join(conditions, sql` AND `) : sql`1 = 1`
  const headAny = sql`(${sql.join(
    query.terms.map((term) => contains('head', term)),
    sql` OR `,
  )})`
  const headHits = sql.join(
    query.terms.map((term) =>
      kind === 'sqlite'
        ? sql`(instr(s.head, ${term}) > 0)`
        : sql`(strpos(s.head, ${term}) > 0)::int`,
    ),
    sql` + `,
  )
  const nullsLast = kind === 'postgres' ? sql` NULLS LAST` : sql``
  const one = async (query_: SQL) => Number((await rowsOf(kind, db, query_))[0]?.n ?? 0)
  const articles = async (query_: SQL) =>
    (await rowsOf(kind, db, query_)).map((row) => String(row.article))

  // When the grams alone decide (no filters, no literal check), SQLite's FTS5 table counts without
  // touching a row (11k matches at 100k stories: 28 ms → 1 ms), and PostgreSQL reads the kept
  // count of a single gram (`search-gram-counts`); two grams' intersection is counted.
  const isDecidedByGrams =
    grams.length > 0 && !query.sections && !query.regions && query.terms.every(isExact)
  const isCountedByGrams = kind === 'sqlite' && isDecidedByGrams
  const isCountedByTable =
    kind === 'postgres' && isDecidedByGrams && grams.length === 1 && query.terms.length === 1
  const offset = (query.page - 1) * query.limit
  const all = grams.length ? [byGrams(false), ...rest] : rest
  // A term of symbols only (`%`) has no grams to find title hits by: one sorted read of all.
  if (grams.length === 0 || gramsOfTerms.some((list) => list.length === 0)) {
    const totalDocs = await one(sql`SELECT count(*) AS n FROM ${rankTable} WHERE ${and(all)}`)
    if (offset >= totalDocs) return { ids: [], totalDocs }
    const ids = await articles(
      sql`SELECT s.article AS article FROM ${rankTable} WHERE ${and(all)}
        ORDER BY ${headHits} DESC, s.registered_at DESC${nullsLast}, s.id DESC
        LIMIT ${query.limit} OFFSET ${offset}`,
    )
    return { ids, totalDocs }
  }

  let counts: Row | undefined
  if (isCountedByTable) {
    const gram = grams[0]!
    const [kept] = await rowsOf(
      kind,
      db,
      sql`SELECT max(docs) FILTER (WHERE gram = ${gram}) AS total,
          max(docs) FILTER (WHERE gram = ${HEAD_MARK + gram}) AS head,
          max(docs) FILTER (WHERE gram = ${ALL_ENTRIES}) AS stories
        FROM ${sql.identifier(tableOf(gramCountsSlugOf(slug)))}
        WHERE gram IN (${gram}, ${HEAD_MARK + gram}, ${ALL_ENTRIES})`,
    )
    // No row of the empty gram: the table is not complete (yet), so count as below.
    if (kept?.stories !== null && kept?.stories !== undefined)
      counts = { total: kept.total ?? 0, head: kept.head ?? 0, stories: kept.stories }
  }
  // Both counts and the index's size (an estimate is enough: how far a walk must go) at once.
  counts ??= (
    await rowsOf(
      kind,
      db,
      sql`SELECT (${
        isCountedByGrams
          ? sql`SELECT count(*) FROM ${fts} WHERE ${fts} MATCH ${ftsMatch}`
          : sql`SELECT count(*) FROM ${rankTable} WHERE ${and(all)}`
      }) AS total, (${
        isCountedByGrams
          ? sql`SELECT count(*) FROM ${fts} WHERE ${fts} MATCH ${ftsHeadMatch}`
          : sql`SELECT count(*) FROM ${rankTable} WHERE ${and([byGrams(true), ...rest, headAny])}`
      }) AS head, (${
        kind === 'sqlite'
          ? sql`SELECT max(id) FROM ${sql.identifier(name)}`
          : sql`SELECT greatest(reltuples, 0) FROM pg_class WHERE oid = to_regclass(${name})`
      }) AS stories`,
    )
  )[0]
  const totalDocs = Number(counts?.total ?? 0)
  const headDocs = Number(counts?.head ?? 0)
  const size = Number(counts?.stories ?? 0)
  if (offset >= totalDocs) return { ids: [], totalDocs }
  const isWalked = (isHead: boolean, skip: number, take: number, matches: number) =>
    strategy === 'auto'
      ? ((skip + take) * Math.max(size, matches) * WALK_COST[isHead ? 'head' : 'body'][kind]) /
          matches <
        matches
      : strategy === 'walk'
  const filters = rest.slice(query.terms.filter((term) => !isExact(term)).length)
  /**
   * `take` entries of one part (title hits or body-only hits) after `skip`, in rank order. A walk
   * checks each entry it passes by its text, literally: cheaper than a gram-index probe per entry
   * (FTS5 ~100–400 µs, a PostgreSQL vector computed per row more) — and for one term's title hits
   * by the title and keywords alone, which the walked index holds (SQLite).
   */
  const part = async (isHead: boolean, skip: number, take: number, matches: number) => {
    const headCondition = isHead ? headAny : sql`NOT ${headAny}`
    // One term: every title hit ranks alike, so date order alone (a walk) is the rank.
    if ((!isHead || query.terms.length === 1) && isWalked(isHead, skip, take, matches)) {
      // A title or keyword hit of the only term is in the text too.
      const check = isHead ? [] : query.terms.map((term) => contains('text', term))
      return articles(
        sql`SELECT s.article AS article FROM ${recentTable} WHERE ${and([...check, ...filters, headCondition])}
          ORDER BY s.registered_at DESC${nullsLast}, s.id DESC LIMIT ${take} OFFSET ${skip}`,
      )
    }
    return articles(
      sql`SELECT s.article AS article FROM ${rankTable} WHERE ${and([byGrams(isHead), ...rest, headCondition])}
        ORDER BY ${headHits} DESC, s.registered_at DESC${nullsLast}, s.id DESC
        LIMIT ${take} OFFSET ${skip}`,
    )
  }
  const end = Math.min(offset + query.limit, totalDocs)
  const ids: string[] = []
  if (offset < headDocs)
    ids.push(...(await part(true, offset, Math.min(end, headDocs) - offset, headDocs)))
  if (end > headDocs) {
    const skip = Math.max(0, offset - headDocs)
    ids.push(...(await part(false, skip, end - Math.max(offset, headDocs), totalDocs - headDocs)))
  }
  return { ids, totalDocs }
}

/**
 * PostgreSQL: the gram vector's declared cost (which keeps the planner from computing it per row)
 * also prices every bitmap heap scan as costly, which switches on JIT compilation (~100 ms a
 * query, more than the query) and parallel workers; neither pays for an index read of a page.
 */
const searchSql = async (
  kind: 'postgres' | 'sqlite',
  slug: string,
  req: PayloadRequest,
  query: SearchQuery,
  strategy: SearchStrategy,
) => {
  const db = await drizzleOf(req.payload, req)
  if (kind === 'sqlite') return rankedPage(kind, slug, db, query, strategy)
  return db.transaction!(async (tx) => {
    await tx.execute!(
      sql`SELECT set_config('jit', 'off', true), set_config('max_parallel_workers_per_gather', '0', true)`,
    )
    return rankedPage(kind, slug, tx, query, strategy)
  })
}

type MongoModel = {
  find: (
    filter: Record<string, unknown>,
    projection?: Record<string, 1>,
  ) => { lean: () => Promise<Row[]> }
}

const modelOf = (payload: Payload, slug: string) =>
  (payload.db as unknown as { collections: Record<string, MongoModel> }).collections[slug]!

/**
 * MongoDB (and FerretDB): candidates by `$all` over the multikey-indexed grams, then the literal
 * check and the ranking here — no text index or Atlas Search needed.
 */
const searchMongo = async (
  slug: string,
  req: PayloadRequest,
  query: SearchQuery,
): Promise<{ ids: string[]; totalDocs: number }> => {
  const grams = [...new Set(query.terms.flatMap(termGrams))]
  const filter: Record<string, unknown> = {}
  if (grams.length) filter.grams = { $all: grams }
  if (query.sections) filter.section = { $in: query.sections }
  if (query.regions) filter.region = { $in: query.regions }
  const literal = query.terms.filter((term) => !isExactByGrams(term))
  const candidates = await modelOf(req.payload, slug)
    .find(filter, { article: 1, head: 1, registeredAt: 1, ...(literal.length ? { text: 1 } : {}) })
    .lean()
  const time = (value: unknown) => (value ? new Date(value as string).getTime() : -Infinity)
  const ranked = candidates
    .filter((row) => literal.every((term) => String(row.text ?? '').includes(term)))
    .map((row) => ({
      id: String(row.article),
      headHits: query.terms.filter((term) => String(row.head ?? '').includes(term)).length,
      time: time(row.registeredAt),
    }))
    .sort((a, b) => b.headHits - a.headHits || b.time - a.time || (a.id < b.id ? 1 : -1))
  const start = (query.page - 1) * query.limit
  return {
    ids: ranked.slice(start, start + query.limit).map((hit) => hit.id),
    totalDocs: ranked.length,
  }
}

/** The stored index entry of an article (also what the bench bulk-inserts). */
export const searchEntryOf = (doc: SearchDocument) => {
  const keywords = doc.keywords.join(' ')
  const text = foldText(
    [doc.title, doc.subtitle, keywords, doc.byline, doc.regionLabel, doc.body].join('\n'),
  )
  return {
    article: doc.id,
    section: doc.section,
    region: doc.region,
    registeredAt: doc.registeredAt,
    head: foldText(`${doc.title} ${keywords}`),
    title: doc.title,
    subtitle: doc.subtitle,
    body: doc.body,
    text,
    // The text's grams, then the title's and keywords' again, marked (`hh경찰`): title hits by index.
    grams: [...documentGrams(text), ...headGrams(foldText(`${doc.title} ${keywords}`))],
  }
}

/**
 * The built-in index, in the app's own database: SQLite (FTS5), PostgreSQL (GIN) or MongoDB
 * (multikey index), through one hidden collection. Ranking: hits in title or keywords first, then
 * newest first.
 */
export const databaseSearchAdapter = (
  options: { slug?: string; strategy?: SearchStrategy } = {},
): SearchAdapter => {
  const slug = options.slug ?? INDEX_SLUG
  const strategy = options.strategy ?? 'auto'
  const collection = slug as CollectionSlug
  const countsTable = tableOf(gramCountsSlugOf(slug))
  return {
    name: 'database',
    // The gram counts on every database (a stable schema), kept and read on PostgreSQL only.
    collections: () => [searchIndexCollection(slug), gramCountsCollection(slug)],
    init: async (payload) => {
      const kind = kindOf(payload)
      if (kind === 'mongodb') {
        try {
          await (
            modelOf(payload, slug) as unknown as {
              collection: { createIndex: (spec: object) => Promise<unknown> }
            }
          ).collection.createIndex({ grams: 1 })
        } catch (error) {
          payload.logger.warn({ err: error }, 'search: could not index the grams')
        }
        return
      }
      const db = await drizzleOf(payload)
      const table = tableOf(slug)
      // Before the migrations have run (`npm start` on a fresh database) there is nothing to
      // index yet: the migration that creates the table indexes it too.
      const [exists] = await rowsOf(
        kind,
        db,
        kind === 'sqlite'
          ? sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ${table}`
          : sql`SELECT to_regclass(${table}) AS name`,
      )
      if (!exists?.name) return
      // Entries written before title grams were marked (`hh…`) are in neither part of the ranking
      // until `npm run search:reindex`; the oldest entry tells.
      const [oldest] = await rowsOf(
        kind,
        db,
        sql`SELECT head, grams FROM ${sql.identifier(table)} ORDER BY id LIMIT 1`,
      )
      const stored = oldest?.grams
      const grams = typeof stored === 'string' ? stored : JSON.stringify(stored ?? [])
      if (oldest?.head && !grams.includes(`"${HEAD_MARK}`))
        payload.logger.warn(
          'search: 검색 색인이 옛 형식입니다 — npm run search:reindex 를 실행하세요 (the search index predates marked title grams: run npm run search:reindex)',
        )
      if (kind === 'sqlite') {
        // The FTS5 table, its three triggers and the two rank indexes: a development push that rebuilt
        // the table lost the triggers, and it drops indexes it does not know.
        const found = await rowsOf(
          kind,
          db,
          sql`SELECT name FROM sqlite_master WHERE name IN (${ftsTableOf(slug)}, ${`${table}_fts_insert`}, ${`${table}_fts_delete`}, ${`${table}_fts_update`}, ${`${table}_rank_idx`}, ${`${table}_recent_idx`})`,
        )
        if (found.length === 6) return
        for (const statement of searchIndexSql(kind, slug).up)
          await rowsOf(kind, db, sql.raw(statement))
        return
      }
      // Several processes start at once: only when missing (the migration made it otherwise).
      const [found] = await rowsOf(
        kind,
        db,
        sql`SELECT to_regclass(${`${table}_grams_tsv_idx`}) AS name, to_regclass(${`${table}_recent_idx`}) AS recent, to_regclass(${countsTable}) AS counts`,
      )
      if (!found?.name || !found.recent)
        for (const statement of searchIndexSql(kind, slug).up)
          await rowsOf(kind, db, sql.raw(statement))
      // An index written before the counts were kept (an upgrade, a restored older backup): count
      // every entry's grams once, so that no search reads a total from an incomplete table.
      if (found?.counts && (await rebuildGramCounts(payload, slug)))
        payload.logger.info('search: 검색 글자 수를 채웠습니다 (filled the search gram counts)')
    },
    // Straight to the database adapter: the index has no hooks or access of its own to run, and
    // a publish waits for this (the Local API's find + update cost ~40 ms more under load).
    // PostgreSQL also moves the gram counts by the grams the entry gained and lost, read in the
    // same transaction (the row locked: a reindex and a publish of one story take turns).
    upsert: async ({ doc, req }) => {
      const entry = searchEntryOf(doc)
      const write = (req: PayloadRequest) =>
        req.payload.db.upsert({
          collection,
          data: entry as never,
          where: { article: { equals: doc.id } },
          req,
          returning: false,
        } as never)
      if (kindOf(req.payload) !== 'postgres') return void (await write(req))
      await inTransaction(req, async (req) => {
        const db = await drizzleOf(req.payload, req)
        const [old] = await rowsOf(
          'postgres',
          db,
          sql`SELECT grams FROM ${sql.identifier(tableOf(slug))} WHERE article = ${doc.id} FOR UPDATE`,
        )
        await write(req)
        await applyGramDelta(db, countsTable, gramDelta(old ? old.grams : null, entry.grams))
      })
    },
    remove: async ({ id, req }) => {
      if (kindOf(req.payload) !== 'postgres')
        return void (await req.payload.db.deleteMany({
          collection,
          where: { article: { equals: id } },
          req,
        }))
      await inTransaction(req, async (req) => {
        const db = await drizzleOf(req.payload, req)
        const removed = await rowsOf(
          'postgres',
          db,
          sql`DELETE FROM ${sql.identifier(tableOf(slug))} WHERE article = ${id} RETURNING grams`,
        )
        for (const row of removed) await applyGramDelta(db, countsTable, gramDelta(row.grams, null))
      })
    },
    // The counts from the entries again: exact whatever they were (a restored backup's, a bug's).
    afterReindex: async ({ payload }) => {
      if (kindOf(payload) === 'postgres') await rebuildGramCounts(payload, slug, { force: true })
    },
    listIds: async ({ req }) => {
      const { docs } = await req.payload.find({
        collection,
        depth: 0,
        limit: 0,
        pagination: false,
        overrideAccess: true,
        select: { article: true } as never,
        req,
      })
      return docs.map((entry) => String((entry as unknown as { article: string }).article))
    },
    search: async ({ query, req }) => {
      const kind = kindOf(req.payload)
      const { ids, totalDocs } =
        kind === 'mongodb'
          ? await searchMongo(slug, req, query)
          : await searchSql(kind, slug, req, query, strategy)
      if (ids.length === 0) return { hits: [], totalDocs }
      // The passages of the page's articles only.
      const { docs } = await req.payload.find({
        collection,
        where: { article: { in: ids } },
        depth: 0,
        limit: ids.length,
        pagination: false,
        overrideAccess: true,
        select: { article: true, body: true, subtitle: true } as never,
        req,
      })
      const byArticle = new Map(
        (docs as unknown as Row[]).map((entry) => [String(entry.article), entry]),
      )
      const hits: SearchHit[] = ids.map((id) => {
        const entry = byArticle.get(id)
        const body = String(entry?.body ?? '') || String(entry?.subtitle ?? '')
        return { id, snippet: buildSnippet(body, query.terms) }
      })
      return { hits, totalDocs }
    },
  }
}
