import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`subscription_plans\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`name\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`period\` numeric DEFAULT 12 NOT NULL,
  	\`active\` integer DEFAULT true,
  	\`order\` numeric DEFAULT 0,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`subscription_plans_active_idx\` ON \`subscription_plans\` (\`active\`);`)
  await db.run(sql`CREATE INDEX \`subscription_plans_updated_at_idx\` ON \`subscription_plans\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`subscription_plans_created_at_idx\` ON \`subscription_plans\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`pledges\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`reference\` text,
  	\`plan_id\` integer NOT NULL,
  	\`depositor_name\` text NOT NULL,
  	\`depositor_key\` text,
  	\`expected_date\` text NOT NULL,
  	\`amount\` numeric,
  	\`email\` text,
  	\`phone\` text,
  	\`status\` text DEFAULT 'pending',
  	\`matched_line_id\` integer,
  	\`deposited_at\` text,
  	\`matched_at\` text,
  	\`activated_at\` text,
  	\`starts_at\` text,
  	\`ends_at\` text,
  	\`reminded_at\` text,
  	\`reader\` text,
  	\`note\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`plan_id\`) REFERENCES \`subscription_plans\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`matched_line_id\`) REFERENCES \`statement_lines\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`pledges_reference_idx\` ON \`pledges\` (\`reference\`);`)
  await db.run(sql`CREATE INDEX \`pledges_plan_idx\` ON \`pledges\` (\`plan_id\`);`)
  await db.run(sql`CREATE INDEX \`pledges_depositor_key_idx\` ON \`pledges\` (\`depositor_key\`);`)
  await db.run(sql`CREATE INDEX \`pledges_expected_date_idx\` ON \`pledges\` (\`expected_date\`);`)
  await db.run(sql`CREATE INDEX \`pledges_amount_idx\` ON \`pledges\` (\`amount\`);`)
  await db.run(sql`CREATE INDEX \`pledges_status_idx\` ON \`pledges\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`pledges_matched_line_idx\` ON \`pledges\` (\`matched_line_id\`);`)
  await db.run(sql`CREATE INDEX \`pledges_reader_idx\` ON \`pledges\` (\`reader\`);`)
  await db.run(sql`CREATE INDEX \`pledges_updated_at_idx\` ON \`pledges\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`pledges_created_at_idx\` ON \`pledges\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`bank_statements\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`status\` text DEFAULT 'queued',
  	\`total_lines\` numeric DEFAULT 0,
  	\`processed_lines\` numeric DEFAULT 0,
  	\`matched_lines\` numeric DEFAULT 0,
  	\`ambiguous_lines\` numeric DEFAULT 0,
  	\`unmatched_lines\` numeric DEFAULT 0,
  	\`duplicate_lines\` numeric DEFAULT 0,
  	\`skipped_lines\` numeric DEFAULT 0,
  	\`encoding\` text,
  	\`error\` text,
  	\`finished_at\` text,
  	\`pending_rows\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`url\` text,
  	\`thumbnail_u_r_l\` text,
  	\`filename\` text,
  	\`mime_type\` text,
  	\`filesize\` numeric,
  	\`width\` numeric,
  	\`height\` numeric,
  	\`focal_x\` numeric,
  	\`focal_y\` numeric
  );
  `)
  await db.run(sql`CREATE INDEX \`bank_statements_status_idx\` ON \`bank_statements\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`bank_statements_updated_at_idx\` ON \`bank_statements\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`bank_statements_created_at_idx\` ON \`bank_statements\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`bank_statements_filename_idx\` ON \`bank_statements\` (\`filename\`);`)
  await db.run(sql`CREATE TABLE \`statement_lines\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`statement_id\` integer,
  	\`line\` numeric,
  	\`key\` text,
  	\`posted_at\` text,
  	\`depositor\` text,
  	\`depositor_key\` text,
  	\`amount\` numeric,
  	\`balance\` text,
  	\`status\` text NOT NULL,
  	\`pledge_id\` integer,
  	\`matched_by\` text,
  	\`resolved_by_id\` integer,
  	\`resolved_at\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`statement_id\`) REFERENCES \`bank_statements\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`pledge_id\`) REFERENCES \`pledges\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`resolved_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`statement_lines_statement_idx\` ON \`statement_lines\` (\`statement_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`statement_lines_key_idx\` ON \`statement_lines\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_posted_at_idx\` ON \`statement_lines\` (\`posted_at\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_status_idx\` ON \`statement_lines\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_pledge_idx\` ON \`statement_lines\` (\`pledge_id\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_resolved_by_idx\` ON \`statement_lines\` (\`resolved_by_id\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_updated_at_idx\` ON \`statement_lines\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_created_at_idx\` ON \`statement_lines\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`statement_lines_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`pledges_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`statement_lines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`pledges_id\`) REFERENCES \`pledges\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`statement_lines_rels_order_idx\` ON \`statement_lines_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_rels_parent_idx\` ON \`statement_lines_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_rels_path_idx\` ON \`statement_lines_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`statement_lines_rels_pledges_id_idx\` ON \`statement_lines_rels\` (\`pledges_id\`);`)
  await db.run(sql`CREATE TABLE \`weather\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`override_active\` integer DEFAULT false,
  	\`override_sky\` text,
  	\`override_precipitation\` text DEFAULT 'none',
  	\`override_temperature\` numeric,
  	\`override_location_label\` text,
  	\`override_until\` text,
  	\`override_set_at\` text,
  	\`observation_sky\` text,
  	\`observation_precipitation\` text,
  	\`observation_temperature\` numeric,
  	\`observation_observed_at\` text,
  	\`observation_location_label\` text,
  	\`observation_provider\` text,
  	\`observation_fetched_at\` text,
  	\`refresh_last_attempt_at\` text,
  	\`refresh_last_error\` text,
  	\`refresh_last_error_at\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`masthead\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`title\` text NOT NULL,
  	\`registration_number\` text NOT NULL,
  	\`registered_on\` text NOT NULL,
  	\`first_published_on\` text,
  	\`publisher\` text NOT NULL,
  	\`editor\` text NOT NULL,
  	\`youth_protection_officer\` text NOT NULL,
  	\`company\` text,
  	\`address\` text NOT NULL,
  	\`phone\` text NOT NULL,
  	\`email\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
  await db.run(sql`ALTER TABLE \`payload_jobs\` ADD \`meta\` text;`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`subscription_plans_id\` integer REFERENCES subscription_plans(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`pledges_id\` integer REFERENCES pledges(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`bank_statements_id\` integer REFERENCES bank_statements(id);`)
  await db.run(sql`ALTER TABLE \`payload_locked_documents_rels\` ADD \`statement_lines_id\` integer REFERENCES statement_lines(id);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_subscription_plans_id_idx\` ON \`payload_locked_documents_rels\` (\`subscription_plans_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_pledges_id_idx\` ON \`payload_locked_documents_rels\` (\`pledges_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_bank_statements_id_idx\` ON \`payload_locked_documents_rels\` (\`bank_statements_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_statement_lines_id_idx\` ON \`payload_locked_documents_rels\` (\`statement_lines_id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`subscription_plans\`;`)
  await db.run(sql`DROP TABLE \`pledges\`;`)
  await db.run(sql`DROP TABLE \`bank_statements\`;`)
  await db.run(sql`DROP TABLE \`statement_lines\`;`)
  await db.run(sql`DROP TABLE \`statement_lines_rels\`;`)
  await db.run(sql`DROP TABLE \`weather\`;`)
  await db.run(sql`DROP TABLE \`masthead\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
  await db.run(sql`PRAGMA foreign_keys=OFF;`)
  await db.run(sql`CREATE TABLE \`__new_payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`articles_id\` integer,
  	\`regions_id\` integer,
  	\`reporters_id\` integer,
  	\`sections_id\` integer,
  	\`media_id\` integer,
  	\`users_id\` integer,
  	\`distribution_channels_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`correction_requests_id\` integer,
  	\`readers_id\` integer,
  	\`scraps_id\` integer,
  	\`ticker_items_id\` integer,
  	\`reports_id\` integer,
  	\`inquiries_id\` integer,
  	\`votes_id\` integer,
  	\`audit_log_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`articles_id\`) REFERENCES \`articles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`regions_id\`) REFERENCES \`regions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reporters_id\`) REFERENCES \`reporters\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`sections_id\`) REFERENCES \`sections\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`media_id\`) REFERENCES \`media\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`distribution_channels_id\`) REFERENCES \`distribution_channels\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`correction_requests_id\`) REFERENCES \`correction_requests\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`readers_id\`) REFERENCES \`readers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`scraps_id\`) REFERENCES \`scraps\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ticker_items_id\`) REFERENCES \`ticker_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`inquiries_id\`) REFERENCES \`inquiries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`votes_id\`) REFERENCES \`votes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`audit_log_id\`) REFERENCES \`audit_log\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`INSERT INTO \`__new_payload_locked_documents_rels\`("id", "order", "parent_id", "path", "articles_id", "regions_id", "reporters_id", "sections_id", "media_id", "users_id", "distribution_channels_id", "webhook_deliveries_id", "correction_requests_id", "readers_id", "scraps_id", "ticker_items_id", "reports_id", "inquiries_id", "votes_id", "audit_log_id") SELECT "id", "order", "parent_id", "path", "articles_id", "regions_id", "reporters_id", "sections_id", "media_id", "users_id", "distribution_channels_id", "webhook_deliveries_id", "correction_requests_id", "readers_id", "scraps_id", "ticker_items_id", "reports_id", "inquiries_id", "votes_id", "audit_log_id" FROM \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`ALTER TABLE \`__new_payload_locked_documents_rels\` RENAME TO \`payload_locked_documents_rels\`;`)
  await db.run(sql`PRAGMA foreign_keys=ON;`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_articles_id_idx\` ON \`payload_locked_documents_rels\` (\`articles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_regions_id_idx\` ON \`payload_locked_documents_rels\` (\`regions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reporters_id_idx\` ON \`payload_locked_documents_rels\` (\`reporters_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_sections_id_idx\` ON \`payload_locked_documents_rels\` (\`sections_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_media_id_idx\` ON \`payload_locked_documents_rels\` (\`media_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_distribution_channels_id_idx\` ON \`payload_locked_documents_rels\` (\`distribution_channels_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_correction_requests_id_idx\` ON \`payload_locked_documents_rels\` (\`correction_requests_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_readers_id_idx\` ON \`payload_locked_documents_rels\` (\`readers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_scraps_id_idx\` ON \`payload_locked_documents_rels\` (\`scraps_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ticker_items_id_idx\` ON \`payload_locked_documents_rels\` (\`ticker_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_inquiries_id_idx\` ON \`payload_locked_documents_rels\` (\`inquiries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_votes_id_idx\` ON \`payload_locked_documents_rels\` (\`votes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_audit_log_id_idx\` ON \`payload_locked_documents_rels\` (\`audit_log_id\`);`)
  await db.run(sql`ALTER TABLE \`payload_jobs\` DROP COLUMN \`meta\`;`)
}
