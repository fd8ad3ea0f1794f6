import type { Payload } from 'payload'

import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { committedMigrations, databaseKind, migrationDir, migrationSetOf } from '../../src/database'
import { seedDemo } from '../../src/seed'
import { bootPayload } from '../helpers/payload'

let payload: Payload
// MongoDB needs no migrations: Payload creates collections and indexes at start.
const set = migrationSetOf()

beforeAll(async () => {
  // Production never pushes the schema: this suite builds the database from the committed
  // migrations only, as `npm start` does on a fresh machine.
  payload = await bootPayload('migrations', { push: false })
  if (set) await payload.db.migrate({ migrations: committedMigrations() as never })
})
afterAll(async () => {
  await payload?.destroy()
})

describe.skipIf(!set)('committed migrations', () => {
  it('build a schema that holds the whole demo newsroom', async () => {
    await seedDemo(payload)
    const published = await payload.count({
      collection: 'articles',
      where: { _status: { equals: 'published' } },
    })
    expect(published.totalDocs).toBe(10)
    const regions = await payload.count({ collection: 'regions' })
    expect(regions.totalDocs).toBeGreaterThanOrEqual(19)
  })

  it('describe the whole current schema (a schema change without a migration fails here)', async () => {
    const dir = migrationDir(set!)
    const latest = fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .at(-1)
    expect(latest, `no migration snapshot in ${dir}`).toBeDefined()
    const db = payload.db as unknown as {
      requireDrizzleKit: () => {
        generateDrizzleJson: (schema: unknown) => unknown
        generateMigration: (before: unknown, after: unknown) => Promise<string[]>
        upSnapshot?: (snapshot: unknown) => unknown
      }
      schema: unknown
    }
    const { generateDrizzleJson, generateMigration } = db.requireDrizzleKit()
    const before = JSON.parse(fs.readFileSync(path.join(dir, latest!), 'utf8'))
    const statements = await generateMigration(before, await generateDrizzleJson(db.schema))
    expect(statements, 'run `npm run migrate:create -- <name>` and commit src/migrations/').toEqual(
      [],
    )
  })

  it.skipIf(databaseKind() !== 'sqlite')(
    'give SQLite the narrow article index that filters by status and date read instead of whole rows',
    async () => {
      const client = (
        payload.db as unknown as {
          client: { execute: (sql: string) => Promise<{ rows: Record<string, unknown>[] }> }
        }
      ).client
      const { rows } = await client.execute(
        `select sql from sqlite_master where type = 'index' and name = 'articles_status_lookup_idx'`,
      )
      expect(rows.map((row) => row.sql)).toEqual([
        expect.stringMatching(/\(`id`, ?`_status`, ?`slug`, ?`registered_at`, ?`created_at`\)/),
      ])
    },
  )

  it('record themselves as applied', async () => {
    const status = await payload.find({ collection: 'payload-migrations', limit: 100 })
    expect(status.docs.map((doc) => doc.name)).toContainEqual(expect.stringMatching(/_initial$/))
  })
})

type IndexInfo = { key: Record<string, number>; name: string; unique?: boolean }
type MongoModel = { init: () => Promise<unknown>; listIndexes: () => Promise<IndexInfo[]> }

describe.skipIf(databaseKind() !== 'mongodb')('MongoDB indexes', () => {
  it('are created at start for what the SQL migrations index: slug (unique), section and region timelines, keywords', async () => {
    const models = (payload.db as unknown as { collections: Record<string, MongoModel> })
      .collections
    const articles = models.articles!
    // Mongoose builds a model's indexes in the background when the model is made; wait for it.
    await articles.init()
    const indexes = await articles.listIndexes()
    const byKey = new Map(indexes.map((index) => [JSON.stringify(index.key), index]))
    expect(byKey.get(JSON.stringify({ slug: 1 }))?.unique, 'unique slug').toBe(true)
    for (const key of [
      { section: 1, registeredAt: 1 },
      { region: 1, registeredAt: 1 },
      { keywords: 1 },
      { registeredAt: 1 },
      { _status: 1 },
    ]) {
      expect(byKey.has(JSON.stringify(key)), `index on ${JSON.stringify(key)}`).toBe(true)
    }
    // The unique index holds: a second article with a taken slug is refused.
    const sections = await payload.find({ collection: 'sections', limit: 1 })
    const section =
      sections.docs[0]?.id ??
      (await payload.create({ collection: 'sections', data: { name: '색인' } })).id
    await payload.create({
      collection: 'articles',
      data: { title: '색인 확인', slug: 'index-check', section } as never,
      draft: true,
    })
    await expect(
      articles.init().then(() =>
        (
          payload.db as unknown as {
            collections: Record<string, { create: (doc: object) => Promise<unknown> }>
          }
        ).collections.articles!.create({ slug: 'index-check', title: 'x' }),
      ),
    ).rejects.toMatchObject({ code: 11000 })
  })
})
