/**
 * The bench corpus on PostgreSQL, for the production topology (nginx → app processes →
 * PostgreSQL): the SQLite corpus (corpus.ts) copied row by row into a database
 * `newsroom_bench_<corpus key>`, made once and kept; each run reads a fresh copy of it
 * (`CREATE DATABASE … TEMPLATE …`, a file copy) and drops that copy at the end.
 *
 * How the database is made (`node --conditions=production --import tsx test/bench/corpusPostgres.ts
 * <corpus dir> <admin uri>`, spawned by `ensurePostgresCorpus`):
 * 1. Payload boots in production mode on an empty database: the committed PostgreSQL migrations
 *    build the schema, as on a real deployment; the P0 tables (NEWSROOM_BENCH=1, no migration)
 *    come from drizzle-kit's diff against the latest migration snapshot, as in corpus.ts.
 * 2. Every table of the SQLite corpus that PostgreSQL has too is copied, column by column (same
 *    names: both adapters name columns the same way); values go as text and PostgreSQL casts them
 *    to the column's type (0/1 → boolean, ISO strings → timestamptz, JSON text → jsonb).
 * 3. Sequences are moved past the copied ids; ANALYZE.
 */
import type { Payload } from 'payload'

import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

import { benchEnv, root } from './corpus'

type PgClient = {
  connect: () => Promise<void>
  end: () => Promise<void>
  query: (
    text: string,
    values?: unknown[],
  ) => Promise<{ rows: Record<string, unknown>[]; rowCount: null | number }>
}

const pgClient = async (connectionString: string): Promise<PgClient> => {
  const { default: pg } = await import('pg')
  const client = new pg.Client({ connectionString }) as unknown as PgClient
  await client.connect()
  return client
}

/** The URI of database `name` on the server of `adminUri`. */
export const databaseUri = (adminUri: string, name: string): string => {
  const url = new URL(adminUri)
  url.pathname = `/${name}`
  return url.toString()
}

const PREFIX = 'newsroom_bench_'

/**
 * A fresh database for this run, copied from the kept corpus database (made first when missing).
 * Returns its URI and `drop()`, which removes the run's copy.
 */
export const ensurePostgresCorpus = async (
  corpusDir: string,
  corpusKey: string,
  adminUri: string,
  log: (line: string) => void,
): Promise<{ uri: string; drop: () => Promise<void> }> => {
  const kept = `${PREFIX}${corpusKey}`
  const admin = await pgClient(adminUri)
  try {
    const existing = (
      await admin.query(`SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`)
    ).rows.map((row) => String(row.datname))
    // Copies of other corpora (another generator, other migrations) and leftovers of runs that
    // did not finish: ours, by their prefix.
    for (const name of existing.filter(
      (name) => name !== kept && !name.startsWith(`${PREFIX}run_`),
    )) {
      await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`)
    }
    if (!existing.includes(kept)) {
      const building = `${kept}_tmp`
      await admin.query(`DROP DATABASE IF EXISTS "${building}" WITH (FORCE)`)
      await admin.query(`CREATE DATABASE "${building}"`)
      log(`copying the corpus into PostgreSQL (${kept}, kept for later runs)…`)
      const logFile = path.join(corpusDir, '..', `postgres-${corpusKey}.log`)
      const output = fs.createWriteStream(logFile)
      const code = await new Promise<number>((resolve) => {
        const child = spawn(
          process.execPath,
          [
            '--conditions=production',
            '--import',
            'tsx',
            import.meta.filename,
            corpusDir,
            databaseUri(adminUri, building),
          ],
          {
            cwd: root,
            env: {
              ...process.env,
              ...benchEnv(corpusDir),
              DATABASE_URI: databaseUri(adminUri, building),
            },
            stdio: ['ignore', 'pipe', 'pipe'],
          },
        )
        child.stdout?.pipe(output, { end: false })
        child.stderr?.on('data', (chunk: Buffer) => {
          output.write(chunk)
          for (const line of chunk.toString('utf8').split('\n'))
            if (line.startsWith('[bench corpus] ')) log(`corpus: ${line.slice(15)}`)
        })
        child.on('exit', (exitCode) => resolve(exitCode ?? 1))
      })
      await new Promise((resolve) => output.end(resolve))
      if (code !== 0)
        throw new Error(
          `copying the corpus into PostgreSQL failed (exit ${code}); its log:\n${fs.readFileSync(logFile, 'utf8').slice(-4000)}`,
        )
      await admin.query(`ALTER DATABASE "${building}" RENAME TO "${kept}"`)
    }
    const run = `${PREFIX}run_${process.pid}`
    await admin.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`)
    await admin.query(`CREATE DATABASE "${run}" TEMPLATE "${kept}"`)
    return {
      uri: databaseUri(adminUri, run),
      drop: async () => {
        const client = await pgClient(adminUri)
        try {
          await client.query(`DROP DATABASE IF EXISTS "${run}" WITH (FORCE)`)
        } finally {
          await client.end()
        }
      },
    }
  } finally {
    await admin.end()
  }
}

// ---------------------------------------------------------------------------------------------
// The copy (runs in its own process, see ensurePostgresCorpus)

const copy = async (corpusDir: string, uri: string) => {
  const step = (line: string) => process.stderr.write(`[bench corpus] ${line}\n`)
  const started = Date.now()

  // 1. Schema: the committed migrations, then the P0 tables.
  const { getPayload } = await import('payload')
  const { default: configPromise, BENCH_PLAIN_ARTICLES } = await import('../../src/payload.config')
  const payload: Payload = await getPayload({ config: await configPromise, cron: false })
  const db = payload.db as unknown as {
    pool: { query: (sql: string) => Promise<unknown> }
    requireDrizzleKit: () => {
      generateDrizzleJson: (schema: unknown) => unknown
      generateMigration: (before: unknown, after: unknown) => Promise<string[]>
    }
    schema: unknown
  }
  const migrationDir = path.join(root, 'src', 'migrations', 'postgres')
  const snapshot = fs
    .readdirSync(migrationDir)
    .filter((file) => file.endsWith('.json'))
    .sort()
    .at(-1)!
  const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
  const statements = await generateMigration(
    JSON.parse(fs.readFileSync(path.join(migrationDir, snapshot), 'utf8')),
    await generateDrizzleJson(db.schema),
  )
  const plainTable = BENCH_PLAIN_ARTICLES.replace(/-/g, '_')
  const drift = statements.filter((statement) => !statement.includes(plainTable))
  if (drift.length)
    step(
      `WARNING: the schema differs from the committed PostgreSQL migrations (${drift.length} statements, applied here)`,
    )
  for (const statement of statements) await db.pool.query(statement)
  await payload.destroy()
  step(
    `PostgreSQL schema (migrations + P0 tables): ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  // 2. Rows.
  const { createClient } = await import('@libsql/client')
  const sqlite = createClient({ url: `file:${path.join(corpusDir, 'newsroom.db')}` })
  const target = await pgClient(uri)
  const columnsOf = new Map<string, string[]>()
  for (const row of (
    await target.query(
      `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = 'public' ORDER BY ordinal_position`,
    )
  ).rows) {
    const table = String(row.table_name)
    columnsOf.set(table, [...(columnsOf.get(table) ?? []), String(row.column_name)])
  }
  const tables = (
    await sqlite.execute(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`,
    )
  ).rows
    .map((row) => String(row.name))
    .filter((table) => columnsOf.has(table) && table !== 'payload_migrations')
  // Rows go in table by table, in any order: foreign keys are not checked during the copy.
  await target.query('SET session_replication_role = replica')
  await target.query(`TRUNCATE ${tables.map((table) => `"${table}"`).join(', ')} CASCADE`)
  let rowCount = 0
  for (const table of tables) {
    const sqliteColumns = new Set(
      (await sqlite.execute(`PRAGMA table_info("${table}")`)).rows.map((row) => String(row.name)),
    )
    const columns = columnsOf.get(table)!.filter((column) => sqliteColumns.has(column))
    const list = columns.map((column) => `"${column}"`).join(', ')
    const { rows } = await sqlite.execute(`SELECT ${list} FROM "${table}"`)
    const perInsert = Math.max(1, Math.floor(30_000 / columns.length))
    for (let offset = 0; offset < rows.length; offset += perInsert) {
      const batch = rows.slice(offset, offset + perInsert)
      const values: unknown[] = []
      const tuples = batch.map(
        (row) => `(${columns.map((column) => `$${values.push(toText(row[column]))}`).join(', ')})`,
      )
      await target.query(`INSERT INTO "${table}" (${list}) VALUES ${tuples.join(', ')}`, values)
    }
    rowCount += rows.length
  }
  await target.query('SET session_replication_role = DEFAULT')
  step(
    `${rowCount} rows in ${tables.length} tables copied: ${((Date.now() - started) / 1000).toFixed(1)} s`,
  )

  // 3. Sequences past the copied ids, statistics.
  for (const table of tables) {
    if (!columnsOf.get(table)!.includes('id')) continue
    const sequence = (
      await target.query(`SELECT pg_get_serial_sequence($1, 'id') AS name`, [`"${table}"`])
    ).rows[0]?.name
    if (sequence)
      await target.query(`SELECT setval($1, GREATEST((SELECT max(id) FROM "${table}"), 1))`, [
        sequence,
      ])
  }
  await target.query('ANALYZE')
  await target.end()
  sqlite.close()
  step(`done in ${((Date.now() - started) / 1000).toFixed(1)} s`)
}

/** A SQLite value as PostgreSQL's text input for any column type. */
const toText = (value: unknown): null | string => {
  if (value === null || value === undefined) return null
  if (value instanceof ArrayBuffer) return `\\x${Buffer.from(value).toString('hex')}`
  return String(value)
}

if (process.argv[1] && import.meta.filename === path.resolve(process.argv[1]) && process.argv[3]) {
  copy(path.resolve(process.argv[2]!), process.argv[3]).then(
    () => process.exit(0),
    (error: unknown) => {
      console.error(error)
      process.exit(1)
    },
  )
}
