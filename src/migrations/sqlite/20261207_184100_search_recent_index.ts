import { MigrateDownArgs, MigrateUpArgs, sql } from '@payloadcms/db-sqlite'

// Public search's bounded ranking (plugins/search/databaseAdapter.ts, searchIndexSql): the newest-first
// walk of body hits for common words. No schema change for Payload; entries indexed before the
// title/keyword grams were marked need `npm run search:reindex` (the app warns at start).
export async function up({ db }: MigrateUpArgs): Promise<void> {
  await db.run(
    sql.raw(
      `CREATE INDEX IF NOT EXISTS "search_index_recent_idx" ON "search_index" (registered_at, id, section, region, head, article)`,
    ),
  )
}

export async function down({ db }: MigrateDownArgs): Promise<void> {
  await db.run(sql.raw(`DROP INDEX IF EXISTS "search_index_recent_idx"`))
}
