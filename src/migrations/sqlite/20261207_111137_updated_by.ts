import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`ALTER TABLE \`articles\` ADD \`updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`articles_updated_by_idx\` ON \`articles\` (\`updated_by_id\`);`)
  await db.run(sql`ALTER TABLE \`_articles_v\` ADD \`version_updated_by_id\` integer REFERENCES users(id);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_by_idx\` ON \`_articles_v\` (\`version_updated_by_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_articles\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text,
  	\`subtitle\` text,
  	\`slug\` text,
  	\`region_id\` integer,
  	\`dateline\` text,
  	\`region_label\` text,
  	\`section_id\` integer,
  	\`hero_image_id\` integer,
  	\`body\` text,
  	\`body_html\` text,
  	\`votes_up\` numeric DEFAULT 0,
  	\`votes_down\` numeric DEFAULT 0,
  	\`view_count\` numeric DEFAULT 0,
  	\`registered_at\` text,
  	\`registeredat_tz\` text DEFAULT 'Asia/Seoul',
  	\`revised_at\` text,
  	\`revisedat_tz\` text DEFAULT 'Asia/Seoul',
  	\`registered_at_source\` text,
  	\`embargo_until\` text,
  	\`embargountil_tz\` text DEFAULT 'Asia/Seoul',
  	\`adjacent_links_newer\` numeric,
  	\`adjacent_links_older\` numeric,
  	\`adjacent_links_revision\` numeric,
  	\`workflow_state\` text DEFAULT 'writing',
  	\`workflow_note\` text,
  	\`workflow_changed_at\` text,
  	\`workflow_changed_by\` text,
  	\`byline\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`_status\` text DEFAULT 'draft',
  	FOREIGN KEY (\`region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new_articles\`("id", "title", "subtitle", "slug", "region_id", "dateline", "region_label", "section_id", "hero_image_id", "body", "body_html", "votes_up", "votes_down", "view_count", "registered_at", "registeredat_tz", "revised_at", "revisedat_tz", "registered_at_source", "embargo_until", "embargountil_tz", "adjacent_links_newer", "adjacent_links_older", "adjacent_links_revision", "workflow_state", "workflow_note", "workflow_changed_at", "workflow_changed_by", "byline", "updated_at", "created_at", "_status") SELECT "id", "title", "subtitle", "slug", "region_id", "dateline", "region_label", "section_id", "hero_image_id", "body", "body_html", "votes_up", "votes_down", "view_count", "registered_at", "registeredat_tz", "revised_at", "revisedat_tz", "registered_at_source", "embargo_until", "embargountil_tz", "adjacent_links_newer", "adjacent_links_older", "adjacent_links_revision", "workflow_state", "workflow_note", "workflow_changed_at", "workflow_changed_by", "byline", "updated_at", "created_at", "_status" FROM \`articles\`;`)
  await db.run(sql`DROP TABLE \`articles\`;`)
  await db.run(sql`ALTER TABLE \`__new_articles\` RENAME TO \`articles\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE UNIQUE INDEX \`articles_slug_idx\` ON \`articles\` (\`slug\`);`)
  await db.run(sql`CREATE INDEX \`articles_region_idx\` ON \`articles\` (\`region_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_region_label_idx\` ON \`articles\` (\`region_label\`);`)
  await db.run(sql`CREATE INDEX \`articles_section_idx\` ON \`articles\` (\`section_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_hero_image_idx\` ON \`articles\` (\`hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`articles_registered_at_idx\` ON \`articles\` (\`registered_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_revised_at_idx\` ON \`articles\` (\`revised_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_embargo_until_idx\` ON \`articles\` (\`embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`articles_workflow_workflow_state_idx\` ON \`articles\` (\`workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`articles_updated_at_idx\` ON \`articles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_created_at_idx\` ON \`articles\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`articles__status_idx\` ON \`articles\` (\`_status\`);`)
  await db.run(sql`CREATE INDEX \`section_registeredAt_idx\` ON \`articles\` (\`section_id\`,\`registered_at\`);`)
  await db.run(sql`CREATE INDEX \`region_registeredAt_idx\` ON \`articles\` (\`region_id\`,\`registered_at\`);`)
  await db.run(sql`CREATE INDEX \`articles_status_lookup_idx\` ON \`articles\` (\`id\`,\`_status\`,\`slug\`,\`registered_at\`,\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`__new__articles_v\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`parent_id\` integer,
  	\`version_title\` text,
  	\`version_subtitle\` text,
  	\`version_slug\` text,
  	\`version_region_id\` integer,
  	\`version_dateline\` text,
  	\`version_region_label\` text,
  	\`version_section_id\` integer,
  	\`version_hero_image_id\` integer,
  	\`version_body\` text,
  	\`version_body_html\` text,
  	\`version_votes_up\` numeric DEFAULT 0,
  	\`version_votes_down\` numeric DEFAULT 0,
  	\`version_view_count\` numeric DEFAULT 0,
  	\`version_registered_at\` text,
  	\`version_registeredat_tz\` text DEFAULT 'Asia/Seoul',
  	\`version_revised_at\` text,
  	\`version_revisedat_tz\` text DEFAULT 'Asia/Seoul',
  	\`version_registered_at_source\` text,
  	\`version_embargo_until\` text,
  	\`version_embargountil_tz\` text DEFAULT 'Asia/Seoul',
  	\`version_adjacent_links_newer\` numeric,
  	\`version_adjacent_links_older\` numeric,
  	\`version_adjacent_links_revision\` numeric,
  	\`version_workflow_state\` text DEFAULT 'writing',
  	\`version_workflow_note\` text,
  	\`version_workflow_changed_at\` text,
  	\`version_workflow_changed_by\` text,
  	\`version_byline\` text,
  	\`version_updated_at\` text,
  	\`version_created_at\` text,
  	\`version__status\` text DEFAULT 'draft',
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`latest\` integer,
  	\`autosave\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_region_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_section_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`version_hero_image_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`INSERT INTO \`__new__articles_v\`("id", "parent_id", "version_title", "version_subtitle", "version_slug", "version_region_id", "version_dateline", "version_region_label", "version_section_id", "version_hero_image_id", "version_body", "version_body_html", "version_votes_up", "version_votes_down", "version_view_count", "version_registered_at", "version_registeredat_tz", "version_revised_at", "version_revisedat_tz", "version_registered_at_source", "version_embargo_until", "version_embargountil_tz", "version_adjacent_links_newer", "version_adjacent_links_older", "version_adjacent_links_revision", "version_workflow_state", "version_workflow_note", "version_workflow_changed_at", "version_workflow_changed_by", "version_byline", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave") SELECT "id", "parent_id", "version_title", "version_subtitle", "version_slug", "version_region_id", "version_dateline", "version_region_label", "version_section_id", "version_hero_image_id", "version_body", "version_body_html", "version_votes_up", "version_votes_down", "version_view_count", "version_registered_at", "version_registeredat_tz", "version_revised_at", "version_revisedat_tz", "version_registered_at_source", "version_embargo_until", "version_embargountil_tz", "version_adjacent_links_newer", "version_adjacent_links_older", "version_adjacent_links_revision", "version_workflow_state", "version_workflow_note", "version_workflow_changed_at", "version_workflow_changed_by", "version_byline", "version_updated_at", "version_created_at", "version__status", "created_at", "updated_at", "latest", "autosave" FROM \`_articles_v\`;`)
  await db.run(sql`DROP TABLE \`_articles_v\`;`)
  await db.run(sql`ALTER TABLE \`__new__articles_v\` RENAME TO \`_articles_v\`;`)
  await db.run(sql`CREATE INDEX \`_articles_v_parent_idx\` ON \`_articles_v\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_slug_idx\` ON \`_articles_v\` (\`version_slug\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_region_idx\` ON \`_articles_v\` (\`version_region_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_region_label_idx\` ON \`_articles_v\` (\`version_region_label\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_section_idx\` ON \`_articles_v\` (\`version_section_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_hero_image_idx\` ON \`_articles_v\` (\`version_hero_image_id\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_registered_at_idx\` ON \`_articles_v\` (\`version_registered_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_revised_at_idx\` ON \`_articles_v\` (\`version_revised_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_embargo_until_idx\` ON \`_articles_v\` (\`version_embargo_until\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_workflow_version_workflow_state_idx\` ON \`_articles_v\` (\`version_workflow_state\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_updated_at_idx\` ON \`_articles_v\` (\`version_updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version_created_at_idx\` ON \`_articles_v\` (\`version_created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_version_version__status_idx\` ON \`_articles_v\` (\`version__status\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_created_at_idx\` ON \`_articles_v\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_updated_at_idx\` ON \`_articles_v\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_latest_idx\` ON \`_articles_v\` (\`latest\`);`)
  await db.run(sql`CREATE INDEX \`_articles_v_autosave_idx\` ON \`_articles_v\` (\`autosave\`);`)
  await db.run(sql`CREATE INDEX \`version_section_version_registeredAt_idx\` ON \`_articles_v\` (\`version_section_id\`,\`version_registered_at\`);`)
  await db.run(sql`CREATE INDEX \`version_region_version_registeredAt_idx\` ON \`_articles_v\` (\`version_region_id\`,\`version_registered_at\`);`)
}
