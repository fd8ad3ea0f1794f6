import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`articles_status_lookup_idx\` ON \`articles\` (\`id\`,\`_status\`,\`slug\`,\`registered_at\`,\`created_at\`);`)
  // SQLite's planner uses the index only once it has statistics for it (src/database.ts).
  await db.run(sql`ANALYZE \`articles\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_status_lookup_idx\`;`)
}
