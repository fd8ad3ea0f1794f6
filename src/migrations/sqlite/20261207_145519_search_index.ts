import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`search_index\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`article\` text NOT NULL,
  	\`section\` text,
  	\`region\` text,
  	\`registered_at\` text,
  	\`head\` text,
  	\`title\` text,
  	\`subtitle\` text,
  	\`body\` text,
  	\`text\` text,
  	\`grams\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_index_article_idx\` ON \`search_index\` (\`article\`);`)
  await db.run(sql`CREATE INDEX \`search_index_section_idx\` ON \`search_index\` (\`section\`);`)
  await db.run(sql`CREATE INDEX \`search_index_region_idx\` ON \`search_index\` (\`region\`);`)
  await db.run(sql`CREATE INDEX \`search_index_registered_at_idx\` ON \`search_index\` (\`registered_at\`);`)
  await db.run(sql`CREATE INDEX \`search_index_updated_at_idx\` ON \`search_index\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`search_index_created_at_idx\` ON \`search_index\` (\`created_at\`);`)
  // Public search (plugins/search): the grams as FTS5 tokens, kept by triggers (the plugin creates
  // the same at startup when missing, e.g. after a development schema push). `_cf_`: a prefix
  // drizzle-kit's push leaves alone (plugins/search/databaseAdapter.ts).
  await db.run(
    sql.raw(
      `CREATE VIRTUAL TABLE IF NOT EXISTS "_cf_search_index_fts" USING fts5(grams, content='search_index', content_rowid='id', tokenize='ascii', detail='none')`,
    ),
  )
  await db.run(
    sql.raw(
      `CREATE TRIGGER IF NOT EXISTS "search_index_fts_insert" AFTER INSERT ON "search_index" BEGIN INSERT INTO "_cf_search_index_fts"(rowid, grams) VALUES (new.id, new.grams); END`,
    ),
  )
  await db.run(
    sql.raw(
      `CREATE TRIGGER IF NOT EXISTS "search_index_fts_delete" AFTER DELETE ON "search_index" BEGIN INSERT INTO "_cf_search_index_fts"("_cf_search_index_fts", rowid, grams) VALUES ('delete', old.id, old.grams); END`,
    ),
  )
  await db.run(
    sql.raw(
      `CREATE TRIGGER IF NOT EXISTS "search_index_fts_update" AFTER UPDATE ON "search_index" BEGIN INSERT INTO "_cf_search_index_fts"("_cf_search_index_fts", rowid, grams) VALUES ('delete', old.id, old.grams); INSERT INTO "_cf_search_index_fts"(rowid, grams) VALUES (new.id, new.grams); END`,
    ),
  )
  await db.run(
    sql.raw(
      `CREATE INDEX IF NOT EXISTS "search_index_rank_idx" ON "search_index" (id, registered_at, section, region, head, article)`,
    ),
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql.raw(`DROP INDEX IF EXISTS "search_index_rank_idx"`))
  await db.run(sql.raw(`DROP TRIGGER IF EXISTS "search_index_fts_update"`))
  await db.run(sql.raw(`DROP TRIGGER IF EXISTS "search_index_fts_delete"`))
  await db.run(sql.raw(`DROP TRIGGER IF EXISTS "search_index_fts_insert"`))
  await db.run(sql.raw(`DROP TABLE IF EXISTS "_cf_search_index_fts"`))
  await db.run(sql`DROP TABLE \`search_index\`;`)
}
