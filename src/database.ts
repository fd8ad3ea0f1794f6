import type { DatabaseAdapterObj } from 'payload'

import { mongooseAdapter } from '@payloadcms/db-mongodb'
import { postgresAdapter } from '@payloadcms/db-postgres'
import { sqliteAdapter } from '@payloadcms/db-sqlite'
import fs from 'node:fs'
import path from 'node:path'

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

const defaultSqliteUrl = (): string => {
  const dir = dataDir()
  fs.mkdirSync(dir, { recursive: true })
  return `file:${path.join(dir, 'newsroom.db')}`
}

const migrationDir = (kind: 'postgres' | 'sqlite'): string =>
  path.resolve(projectRoot(), 'src', 'migrations', kind)

/** Picks the database adapter from `DATABASE_URI` (see README, "Choosing the database"). */
export const databaseAdapter = (options: DatabaseOptions = {}): DatabaseAdapterObj => {
  const uri = options.uri ?? process.env.DATABASE_URI ?? ''
  const kind = databaseKind(uri)
  const push = options.push ?? process.env.NODE_ENV !== 'production'

  if (kind === 'postgres') {
    return postgresAdapter({
      pool: { connectionString: uri },
      migrationDir: migrationDir('postgres'),
      prodMigrations: postgresMigrations,
      push,
    })
  }

  if (kind === 'mongodb') {
    // Multi-document transactions need a replica set; on a standalone server Payload runs
    // without them (see README).
    return mongooseAdapter({ url: uri })
  }

  return sqliteAdapter({
    client: { url: uri || defaultSqliteUrl() },
    migrationDir: migrationDir('sqlite'),
    prodMigrations: sqliteMigrations,
    push,
    // WAL lets readers proceed while a writer (editor save, job runner) holds the database.
    wal: true,
    busyTimeout: 10_000,
  })
}
