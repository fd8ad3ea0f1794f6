import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`embargountil_tz\` text DEFAULT 'Asia/Seoul';`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargo_until\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_embargountil_tz\` text DEFAULT 'Asia/Seoul';`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`embargo_until\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`embargountil_tz\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_version_embargo_until_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_embargo_until\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_embargountil_tz\`;`)
}
