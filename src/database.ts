import type { DatabaseAdapterObj, Payload } from 'payload'

import { compatibilityOptions, mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { index as pgIndex } from '@payloadcms/db-postgres/drizzle/pg-core'
import { sqliteAdapter, sql as sqliteSql } from '@payloadcms/db-sqlite'
import { index as sqliteIndex } from '@payloadcms/db-sqlite/drizzle/sqlite-core'
import fs from 'node:fs'
import path from 'node:path'

import { migrations as postgresUuidMigrations } from './migrations/postgres-uuid/index'
import { migrations as postgresMigrations } from './migrations/postgres/index'
import { migrations as sqliteMigrations } from './migrations/sqlite/index'
import { dataDir, projectRoot } from './paths'

export type DatabaseKind = 'mongodb' | 'postgres' | 'sqlite'

export type DatabaseOptions = {
  /** Defaults to `process.env.DATABASE_URI`. */
  uri?: string
  /**
   * Let Payload push the schema in development instead of running migrations. Tests and `npm run
   * dev` push; `npm start` (production) never does and runs the committed migrations instead.
   */
  push?: boolean
}

export const databaseKind = (uri = process.env.DATABASE_URI || ''): DatabaseKind => {
  if (uri === '' || uri.startsWith('file:')) return 'sqlite'
  if (uri.startsWith('postgres://') || uri.startsWith('postgresql://')) return 'postgres'
  if (uri.startsWith('mongodb://') || uri.startsWith('mongodb+srv://')) return 'mongodb'
  throw new Error(
    `DATABASE_URI must be empty or start with file:, postgres://, postgresql://, mongodb:// or mongodb+srv:// (got "${uri.split(':')[0]}:…")`,
  )
}

/**
 * PostgreSQL's id type (`DATABASE_ID_TYPE`): `serial` (integers, the default) or `uuid` (string
 * ids, as MongoDB's are strings; CI runs every suite both ways). Chosen once, before the first
 * start: each has its own committed migrations (`src/migrations/postgres`, `postgres-uuid`).
 */
export const postgresIdType = (): 'serial' | 'uuid' => {
  const value = (process.env.DATABASE_ID_TYPE ?? '').trim()
  if (value === '' || value === 'serial') return 'serial'
  if (value === 'uuid') return 'uuid'
  throw new Error(`DATABASE_ID_TYPE must be serial or uuid (got "${value}")`)
}

/** The committed migrations a database is built from: one set per SQL adapter and id type. */
export type MigrationSet = 'postgres' | 'postgres-uuid' | 'sqlite'

export const migrationSetOf = (uri = process.env.DATABASE_URI || ''): MigrationSet | null => {
  const kind = databaseKind(uri)
  if (kind === 'mongodb') return null
  if (kind === 'sqlite') return 'sqlite'
  return postgresIdType() === 'uuid' ? 'postgres-uuid' : 'postgres'
}

const MIGRATIONS = {
  postgres: postgresMigrations,
  'postgres-uuid': postgresUuidMigrations,
  sqlite: sqliteMigrations,
}

/** The committed migrations for `uri` (none on MongoDB, which needs none). */
export const committedMigrations = (uri?: string) => {
  const set = migrationSetOf(uri)
  return set ? MIGRATIONS[set] : []
}

const defaultSqliteUrl = (): string => {
  const dir = dataDir()
  fs.mkdirSync(dir, { recursive: true })
  return `file:${path.join(dir, 'newsroom.db')}`
}

type IndexBuilder = (name: string) => { on: (...columns: never[]) => unknown }
const sqliteIndexBuilder = sqliteIndex as unknown as IndexBuilder

/** What Payload's SQL adapters pass an `afterSchemaInit` hook, as far as these hooks use it. */
type SchemaHookArgs = {
  extendTable: (args: {
    extraConfig: (table: Record<string, never>) => object
    table: never
  }) => void
  schema: { tables: Record<string, unknown> }
}

/**
 * Payload stores hasMany text and number values (e.g. article keywords) in `<table>_texts` /
 * `<table>_numbers` with an index led by `order`, so reading a document's values by `parent_id`
 * scans the whole table: a list of 50 articles over 100k keywords took seconds. Index the parent.
 */
const indexValueTablesByParent =
  (index: IndexBuilder) =>
  ({ extendTable, schema }: SchemaHookArgs) => {
    for (const [name, table] of Object.entries(schema.tables)) {
      if (!/_(texts|numbers)$/.test(name)) continue
      extendTable({
        table: table as never,
        extraConfig: (columns) => ({ parentIdx: index(`${name}_parent_idx`).on(columns.parent) }),
      })
    }
    return schema
  }

/**
 * SQLite only: an article row is about 5 KB, and `_status`, `registered_at` and `created_at` come
 * after `body` and `body_html`, in the row's overflow pages. A query that filters many articles by
 * them — a reporter's articles, newest first: every row of the reporter was read in full to keep
 * five — reads this narrow copy instead (bench corpus, a reporter with 330 articles: 2.2 ms →
 * 0.5 ms of SQLite). PostgreSQL keeps long values out of the row (TOAST), so it has no such cost.
 */
const indexArticleStatusLookup = ({ extendTable, schema }: SchemaHookArgs) => {
  const articles = schema.tables.articles
  if (articles) {
    extendTable({
      table: articles as never,
      extraConfig: (columns) => ({
        statusLookupIdx: sqliteIndexBuilder('articles_status_lookup_idx').on(
          columns.id,
          columns._status,
          columns.slug,
          columns.registeredAt,
          columns.createdAt,
        ),
      }),
    })
  }
  return schema
}

/**
 * Mongo-wire databases that are not MongoDB (`NEWSROOM_MONGO_COMPAT`): Payload's recommended
 * adapter settings for each (`compatibilityOptions` of `@payloadcms/db-mongodb`), and for FerretDB
 * (the Mongo-wire server the tests run on, v1 on PostgreSQL) the same as for Cosmos DB — no
 * multi-document transactions, joins and sort lookups without correlated `$lookup` pipelines —
 * plus no index hints. Unset on real MongoDB.
 */
export const MONGO_COMPAT = {
  ...compatibilityOptions,
  ferretdb: { ...compatibilityOptions.cosmosdb, disableIndexHints: true },
} as const

const mongoCompatibility = () => {
  const name = process.env.NEWSROOM_MONGO_COMPAT?.trim() ?? ''
  if (name === '') return {}
  if (!(name in MONGO_COMPAT)) {
    throw new Error(
      `NEWSROOM_MONGO_COMPAT must be one of ${Object.keys(MONGO_COMPAT).join(', ')} (got "${name}")`,
    )
  }
  return MONGO_COMPAT[name as keyof typeof MONGO_COMPAT]
}

export const migrationDir = (set: MigrationSet): string =>
  path.resolve(projectRoot(), 'src', 'migrations', set)

/** Picks the database adapter from `DATABASE_URI` (see docs/configuration.md, "Choosing the database"). */
export const databaseAdapter = (options: DatabaseOptions = {}): DatabaseAdapterObj => {
  const uri = options.uri ?? process.env.DATABASE_URI ?? ''
  const kind = databaseKind(uri)
  const push = options.push ?? process.env.NODE_ENV !== 'production'

  if (kind === 'postgres') {
    // Reads may go to replicas (DATABASE_READ_URIS, comma-separated); writes, transactions and a
    // process's reads just after its own write go to the primary (docs/deployment.md).
    const readReplicas = (process.env.DATABASE_READ_URIS ?? '')
      .split(',')
      .map((replica) => replica.trim())
      .filter(Boolean)
    const idType = postgresIdType()
    const set = idType === 'uuid' ? 'postgres-uuid' : 'postgres'
    return postgresAdapter({
      pool: { connectionString: uri },
      ...(readReplicas.length > 0 ? { readReplicas } : {}),
      idType,
      migrationDir: migrationDir(set),
      prodMigrations: MIGRATIONS[set],
      push,
      afterSchemaInit: [indexValueTablesByParent(pgIndex as unknown as IndexBuilder) as never],
      logger: process.env.NEWSROOM_SQL_LOG === '1',
    })
  }

  if (kind === 'mongodb') {
    // Multi-document transactions need a replica set; on a standalone server Payload runs
    // without them (see docs/configuration.md).
    return mongooseAdapter({ url: uri, ...mongoCompatibility() })
  }

  return sqliteAdapter({
    client: { url: uri || defaultSqliteUrl() },
    migrationDir: migrationDir('sqlite'),
    prodMigrations: sqliteMigrations,
    push,
    afterSchemaInit: [
      indexValueTablesByParent(sqliteIndexBuilder) as never,
      indexArticleStatusLookup as never,
    ],
    logger: process.env.NEWSROOM_SQL_LOG === '1',
    // WAL lets readers proceed while a writer (editor save, job runner) holds the database.
    wal: true,
    // No transactionOptions: with them, concurrent saves fail at once with SQLITE_BUSY instead of
    // waiting (tried: test/related-news). Payload validates before it writes, so bad input leaves
    // nothing behind; multi-document atomicity (reciprocal links) is PostgreSQL's and MongoDB's.
    busyTimeout: 10_000,
  })
}

/**
 * SQLite plans queries without statistics until ANALYZE has run, and then picks poor plans for
 * "newest articles sharing a keyword" (measured: 90 ms instead of 15 ms at 100k articles, see
 * `npm run bench`). `PRAGMA optimize` refreshes the statistics cheaply; run at every start.
 */
export const optimizeDatabase = async (payload: Payload): Promise<void> => {
  if (payload.db.name !== 'sqlite') return
  const started = Date.now()
  await (
    payload.db as unknown as { drizzle: { run: (query: unknown) => Promise<unknown> } }
  ).drizzle.run(sqliteSql.raw('PRAGMA optimize=0x10002'))
  payload.logger.info(`SQLite statistics refreshed (${Date.now() - started} ms)`)
}
