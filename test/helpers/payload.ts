import type { Config, Payload } from 'payload'

import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { buildConfig, getPayload } from 'payload'

import type { AppConfigOptions } from '../../src/appConfig'

import { newsroomAppConfig } from '../../src/appConfig'
import { databaseAdapter, databaseKind } from '../../src/database'

const tmpDir = path.resolve(import.meta.dirname, '..', '.tmp')

/**
 * A database of its own for one suite: a fresh SQLite file by default, a fresh PostgreSQL
 * database when DATABASE_URI points at a server (CI runs every suite both ways).
 */
export const freshDatabaseUri = async (suite: string): Promise<string> => {
  const base = process.env.DATABASE_URI || ''
  // Named with its creation time: test/helpers/dropStaleDatabases.ts drops old ones.
  const unique = `newsroom_test_${Math.floor(Date.now() / 1000)}_${suite.replace(/\W+/g, '_').toLowerCase().slice(0, 24)}_${crypto.randomBytes(4).toString('hex')}`
  const kind = databaseKind(base)
  if (kind === 'sqlite') {
    fs.mkdirSync(tmpDir, { recursive: true })
    return `file:${path.join(tmpDir, `${unique}.db`)}`
  }
  if (kind === 'postgres') {
    const { default: pg } = await import('pg')
    const admin = new pg.Client({ connectionString: base })
    await admin.connect()
    await admin.query(`CREATE DATABASE "${unique}"`)
    await admin.end()
    const url = new URL(base)
    url.pathname = `/${unique}`
    return url.toString()
  }
  const url = new URL(base)
  url.pathname = `/${unique}`
  return url.toString()
}

export type TestPayloadOptions = Omit<AppConfigOptions, 'db'> & {
  /** Change the app config before it is built (e.g. add a plain `posts` collection). */
  configure?: (config: Config) => Config
  /** Run migrations instead of pushing the schema. */
  push?: boolean
  /** The database to use instead of a fresh one (another process's, to share it). */
  uri?: string
}

/** Boots the real newsroom app config on a fresh database; no demo content unless asked. */
export const bootPayload = async (
  suite: string,
  options: TestPayloadOptions = {},
): Promise<Payload> => {
  const uri = options.uri ?? (await freshDatabaseUri(suite))
  const base = newsroomAppConfig({
    seed: 'off',
    secret: 'test-secret-not-for-production',
    ...options,
    db: databaseAdapter({ uri, push: options.push ?? true }),
  })
  const config = await buildConfig(options.configure ? options.configure(base) : base)
  // The default cache key, so that route handlers under test (which call getPayload themselves)
  // reach this same instance. Each suite runs in its own process.
  return getPayload({ config, cron: true })
}
