/**
 * `npm run migrate:create -- <name>` writes a migration for each SQL adapter (SQLite and
 * PostgreSQL) after a schema change. `npm run migrate:check` fails when the schema has changed
 * without one: CI runs it, because `npm start` never pushes the schema and a missing migration
 * would only show up as a failed insert in production.
 *
 * PostgreSQL needs a server: NEWSROOM_PG_URI (default postgres://postgres:postgres@127.0.0.1:5432/postgres).
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const root = process.cwd()
const [mode = 'check', name = 'schema'] = process.argv.slice(2)
const postgresUri = process.env.NEWSROOM_PG_URI || 'postgres://postgres:postgres@127.0.0.1:5432/postgres'
const adapters = [
  { kind: 'sqlite', uri: `file:${path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsroom-migrate-')), 'scratch.db')}` },
  { kind: 'postgres', uri: postgresUri },
]

const listMigrations = (kind: string): string[] => fs.readdirSync(path.join(root, 'src', 'migrations', kind)).sort()

let failed = false
for (const { kind, uri } of adapters) {
  const before = new Set(listMigrations(kind))
  const result = spawnSync(
    process.execPath,
    [path.join(root, 'node_modules', 'payload', 'bin.js'), 'migrate:create', mode === 'check' ? 'unmigrated_change' : name, '--skip-empty'],
    {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URI: uri, NEWSROOM_SEED: 'off', PAYLOAD_CONFIG_PATH: 'src/payload.config.ts', NODE_OPTIONS: '--no-deprecation' },
    },
  )
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr)
    console.error(`${kind}: payload migrate:create failed (exit ${result.status})`)
    process.exit(1)
  }
  const added = listMigrations(kind).filter((file) => !before.has(file))
  if (mode === 'check') {
    if (added.length > 0) {
      failed = true
      console.error(`${kind}: the schema changed without a migration. Run \`npm run migrate:create -- <name>\` and commit src/migrations/.`)
      console.error(fs.readFileSync(path.join(root, 'src', 'migrations', kind, added.find((file) => file.endsWith('.ts'))!), 'utf8'))
      for (const file of added) fs.rmSync(path.join(root, 'src', 'migrations', kind, file))
      spawnSync('git', ['checkout', '--', `src/migrations/${kind}/index.ts`], { cwd: root })
    } else {
      console.log(`${kind}: migrations match the schema`)
    }
  } else {
    console.log(added.length ? `${kind}: wrote ${added.join(', ')}` : `${kind}: no schema change`)
  }
}
process.exit(failed ? 1 : 0)
