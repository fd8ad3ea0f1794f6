import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow_state\` text DEFAULT 'writing';`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow_note\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`articles\` ADD \`workflow_changed_by\` text;`)
  await db.run(sql`CREATE INDEX \`articles_workflow_workflow_state_idx\` ON \`articles\` (\`workflow_state\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow_state\` text DEFAULT 'writing';`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow_note\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow_changed_at\` text;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_workflow_changed_by\` text;`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_workflow_version_workflow_state_idx\` ON \`_articles_v\` (\`version_workflow_state\`);`)
  // Stories already live are 출고.
  await db.run(sql`UPDATE \`articles\` SET \`workflow_state\` = 'published' WHERE \`_status\` = 'published';`)
  await db.run(sql`UPDATE \`_articles_v\` SET \`version_workflow_state\` = 'published' WHERE \`version__status\` = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`articles_workflow_workflow_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`workflow_note\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`workflow_changed_at\`;`)
  await db.run(sql`ALTER TABLE \`articles\` DROP COLUMN \`workflow_changed_by\`;`)
  await db.run(sql`DROP INDEX \`_articles_v_version_workflow_version_workflow_state_idx\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_workflow_state\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_workflow_note\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_workflow_changed_at\`;`)
  await db.run(sql`ALTER TABLE \`_articles_v\` DROP COLUMN \`version_workflow_changed_by\`;`)
}
