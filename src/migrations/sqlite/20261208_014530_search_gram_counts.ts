import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`search_gram_counts\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`gram\` text NOT NULL,
  	\`docs\` numeric DEFAULT 0 NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`search_gram_counts_gram_idx\` ON \`search_gram_counts\` (\`gram\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`search_gram_counts\`;`)
}
