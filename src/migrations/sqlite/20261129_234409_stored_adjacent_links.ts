import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`adjacent_links_newer\` numeric;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`adjacent_links_older\` numeric;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`adjacent_links_revision\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_adjacent_links_newer\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_adjacent_links_older\` numeric;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_adjacent_links_revision\` numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`adjacent_links_newer\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`adjacent_links_older\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`adjacent_links_revision\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_adjacent_links_newer\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_adjacent_links_older\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_adjacent_links_revision\`;`)
}
