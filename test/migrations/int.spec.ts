import type { Payload } from 'payload'

import { afterAll, beforeAll, describe, expect, it } from 'vitest'

import { databaseKind } from '../../src/database'
import { seedDemo } from '../../src/seed'
import { bootPayload } from '../helpers/payload'

let payload: Payload

beforeAll(async () => {
  // Production never pushes the schema: this suite builds the database from the committed
  // migrations only, as `npm start` does on a fresh machine.
  payload = await bootPayload('migrations', { push: false })
  const { migrations } = databaseKind() === 'postgres' ? await import('../../src/migrations/postgres') : await import('../../src/migrations/sqlite')
  await payload.db.migrate({ migrations: migrations as never })
})
afterAll(async () => {
  await payload?.destroy()
})

describe('committed migrations', () => {
  it('build a schema that holds the whole demo newsroom', async () => {
    await seedDemo(payload)
    const published = await payload.count({ collection: 'articles', where: { _status: { equals: 'published' } } })
    expect(published.totalDocs).toBe(10)
    const regions = await payload.count({ collection: 'regions' })
    expect(regions.totalDocs).toBeGreaterThanOrEqual(19)
  })

  it('record themselves as applied', async () => {
    const status = await payload.find({ collection: 'payload-migrations', limit: 100 })
    expect(status.docs.map((doc) => doc.name)).toContainEqual(expect.stringMatching(/_initial$/))
  })
})
