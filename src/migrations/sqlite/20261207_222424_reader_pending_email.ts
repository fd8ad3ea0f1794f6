import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`readers\` ADD \`pending_email\` text;`)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`pending_email_expires_at\` text;`)
  await db.run(sql`ALTER TABLE \`readers\` ADD \`pending_email_token_hash\` text;`)
  await db.run(sql`CREATE INDEX \`readers_pending_email_token_hash_idx\` ON \`readers\` (\`pending_email_token_hash\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`readers_pending_email_token_hash_idx\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`pending_email\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`pending_email_expires_at\`;`)
  await db.run(sql`ALTER TABLE \`readers\` DROP COLUMN \`pending_email_token_hash\`;`)
}
