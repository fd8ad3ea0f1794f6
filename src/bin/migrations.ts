/**
 * `npm run migrate:create -- <name>` writes a migration for each SQL adapter and id type (SQLite,
 * PostgreSQL, PostgreSQL with uuid ids) after a schema change. `npm start` never pushes the schema, so a change without a
 * migration would only show up as a failed insert in production; test/migrations fails on it, on
 * both databases.
 *
 * PostgreSQL needs a server: NEWSROOM_PG_URI (default postgres://postgres:postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = process.cwd()
const name = process.argv[2] || 'schema'
const postgresUri =
  process.env.NEWSROOM_PG_URI || 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const adapters = [
  {
    kind: 'sqlite',
    uri: `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migrate-')), 'scratch.db')}`,
  },
  { kind: 'postgres', uri: postgresUri },
  { kind: 'postgres-uuid', uri: postgresUri, env: { DATABASE_ID_TYPE: 'uuid' } },
] as { env?: Record<string, string>; kind: string; uri: string }[]

const listMigrations = (kind: string): string[] =>
  fs.readdirSync(path.join(root, 'src', 'migrations', kind)).sort()

for (const { env, kind, uri } of adapters) {
  const before = new Set(listMigrations(kind))
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'payload', 'bin.js'), 'migrate:create', name, '--skip-empty'],
    {
      cwd: root,
      encoding: 'utf8',
      env: {
        ...process.env,
        ...env,
        DATABASE_URI: uri,
        NEWSROOM_SEED: 'off',
        PAYLOAD_CONFIG_PATH: 'src/payload.config.ts',
        NODE_OPTIONS: '--no-deprecation --conditions=production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  )
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    console.error(`${kind}: payload migrate:create failed (exit ${result.status})`)
    process.exit(1)
  }
  const added = listMigrations(kind).filter((file) => !before.has(file))
  console.log(added.length ? `${kind}: wrote ${added.join(', ')}` : `${kind}: no schema change`)
}
console.log(
  'Check with `npm test -- test/migrations` (and DATABASE_URI=postgres://… for PostgreSQL), then commit src/migrations/.',
)
