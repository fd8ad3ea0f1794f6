/**
 * Vitest global setup: on PostgreSQL and MongoDB, drops the databases earlier test runs left behind. Each suite
 * makes a database of its own (helpers/payload.ts `freshDatabaseUri`) and nothing drops it when the
 * suite ends, so a developer's server gathered a thousand of them, and PostgreSQL's recovery after
 * a crash went through every one (over a minute).
 *
 * Only databases named as that helper names them, made more than STALE_AFTER_S ago, go: a run
 * still going beside this one keeps its own, and nothing else on the server is touched.
 */
import { databaseKind } from '../../src/database'

const STALE_AFTER_S = 3 * 60 * 60
const TEST_DATABASE = /^newsroom_test_(\d{10})_[a-z0-9_]+_[0-9a-f]{8}$/

const isStale = (name: string, now: number): boolean => {
  const match = TEST_DATABASE.exec(name)
  return match !== null && now - Number(match[1]) > STALE_AFTER_S
}

/** MongoDB (and FerretDB): the same, through the driver. */
const dropStaleMongoDatabases = async (base: string): Promise<void> => {
  const { MongoClient } = await import('mongodb')
  const client = await MongoClient.connect(base)
  try {
    const { databases } = await client.db().admin().listDatabases({ nameOnly: true })
    const now = Math.floor(Date.now() / 1000)
    const stale = databases.map((database) => database.name).filter((name) => isStale(name, now))
    for (const name of stale)
      await client
        .db(name)
        .dropDatabase()
        .catch(() => undefined)
    if (stale.length > 0) console.log(`dropped ${stale.length} test databases left by earlier runs`)
  } finally {
    await client.close()
  }
}

export default async function dropStaleDatabases(): Promise<void> {
  const base = process.env.DATABASE_URI || ''
  if (databaseKind(base) === 'mongodb') return dropStaleMongoDatabases(base)
  if (databaseKind(base) !== 'postgres') return
  const { default: pg } = await import('pg')
  const admin = new pg.Client({ connectionString: base })
  await admin.connect()
  try {
    const { rows } = await admin.query<{ datname: string }>(
      "SELECT datname FROM pg_database WHERE datname LIKE 'newsroom\\_test\\_%'",
    )
    const now = Math.floor(Date.now() / 1000)
    const stale = rows.map((row) => row.datname).filter((name) => isStale(name, now))
    for (const name of stale) {
      // One that cannot go now (a connection still open) is tried again by the next run.
      await admin.query(`DROP DATABASE IF EXISTS "${name}"`).catch(() => undefined)
    }
    if (stale.length > 0) console.log(`dropped ${stale.length} test databases left by earlier runs`)
  } finally {
    await admin.end()
  }
}
