import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_pledges_status" AS ENUM('pending', 'matched', 'active', 'expired', 'overdue', 'cancelled');
  CREATE TYPE "public"."enum_bank_statements_status" AS ENUM('queued', 'processing', 'done', 'failed');
  CREATE TYPE "public"."enum_statement_lines_status" AS ENUM('matched', 'ambiguous', 'unmatched', 'ignored');
  CREATE TYPE "public"."enum_statement_lines_matched_by" AS ENUM('job', 'person');
  CREATE TYPE "public"."enum_weather_override_sky" AS ENUM('clear', 'mostlyCloudy', 'overcast');
  CREATE TYPE "public"."enum_weather_override_precipitation" AS ENUM('none', 'rain', 'rainSnow', 'snow', 'shower', 'drizzle', 'drizzleSnow', 'snowFlurry');
  CREATE TYPE "public"."enum_weather_observation_sky" AS ENUM('clear', 'mostlyCloudy', 'overcast');
  CREATE TYPE "public"."enum_weather_observation_precipitation" AS ENUM('none', 'rain', 'rainSnow', 'snow', 'shower', 'drizzle', 'drizzleSnow', 'snowFlurry');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'weather-refresh' BEFORE 'flushArticleViews';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'importBankStatement' BEFORE 'flushArticleViews';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'pledgeReminders' BEFORE 'flushArticleViews';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'weather-refresh' BEFORE 'flushArticleViews';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'importBankStatement' BEFORE 'flushArticleViews';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'pledgeReminders' BEFORE 'flushArticleViews';
  CREATE TABLE "subscription_plans" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"name" varchar NOT NULL,
  	"amount" numeric NOT NULL,
  	"period" numeric DEFAULT 12 NOT NULL,
  	"active" boolean DEFAULT true,
  	"order" numeric DEFAULT 0,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "pledges" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"reference" varchar,
  	"plan_id" uuid NOT NULL,
  	"depositor_name" varchar NOT NULL,
  	"depositor_key" varchar,
  	"expected_date" timestamp(3) with time zone NOT NULL,
  	"amount" numeric,
  	"email" varchar,
  	"phone" varchar,
  	"status" "enum_pledges_status" DEFAULT 'pending',
  	"matched_line_id" uuid,
  	"deposited_at" timestamp(3) with time zone,
  	"matched_at" timestamp(3) with time zone,
  	"activated_at" timestamp(3) with time zone,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"reminded_at" timestamp(3) with time zone,
  	"reader" varchar,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "bank_statements" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"status" "enum_bank_statements_status" DEFAULT 'queued',
  	"total_lines" numeric DEFAULT 0,
  	"processed_lines" numeric DEFAULT 0,
  	"matched_lines" numeric DEFAULT 0,
  	"ambiguous_lines" numeric DEFAULT 0,
  	"unmatched_lines" numeric DEFAULT 0,
  	"duplicate_lines" numeric DEFAULT 0,
  	"skipped_lines" numeric DEFAULT 0,
  	"encoding" varchar,
  	"error" varchar,
  	"finished_at" timestamp(3) with time zone,
  	"pending_rows" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"url" varchar,
  	"thumbnail_u_r_l" varchar,
  	"filename" varchar,
  	"mime_type" varchar,
  	"filesize" numeric,
  	"width" numeric,
  	"height" numeric,
  	"focal_x" numeric,
  	"focal_y" numeric
  );
  
  CREATE TABLE "statement_lines" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"statement_id" uuid,
  	"line" numeric,
  	"key" varchar,
  	"posted_at" timestamp(3) with time zone,
  	"depositor" varchar,
  	"depositor_key" varchar,
  	"amount" numeric,
  	"balance" varchar,
  	"status" "enum_statement_lines_status" NOT NULL,
  	"pledge_id" uuid,
  	"matched_by" "enum_statement_lines_matched_by",
  	"resolved_by_id" uuid,
  	"resolved_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "statement_lines_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" uuid NOT NULL,
  	"path" varchar NOT NULL,
  	"pledges_id" uuid
  );
  
  CREATE TABLE "weather" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"override_active" boolean DEFAULT false,
  	"override_sky" "enum_weather_override_sky",
  	"override_precipitation" "enum_weather_override_precipitation" DEFAULT 'none',
  	"override_temperature" numeric,
  	"override_location_label" varchar,
  	"override_until" timestamp(3) with time zone,
  	"override_set_at" timestamp(3) with time zone,
  	"observation_sky" "enum_weather_observation_sky",
  	"observation_precipitation" "enum_weather_observation_precipitation",
  	"observation_temperature" numeric,
  	"observation_observed_at" timestamp(3) with time zone,
  	"observation_location_label" varchar,
  	"observation_provider" varchar,
  	"observation_fetched_at" timestamp(3) with time zone,
  	"refresh_last_attempt_at" timestamp(3) with time zone,
  	"refresh_last_error" varchar,
  	"refresh_last_error_at" timestamp(3) with time zone,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "masthead" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"title" varchar NOT NULL,
  	"registration_number" varchar NOT NULL,
  	"registered_on" timestamp(3) with time zone NOT NULL,
  	"first_published_on" timestamp(3) with time zone,
  	"publisher" varchar NOT NULL,
  	"editor" varchar NOT NULL,
  	"youth_protection_officer" varchar NOT NULL,
  	"company" varchar,
  	"address" varchar NOT NULL,
  	"phone" varchar NOT NULL,
  	"email" varchar,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "payload_jobs" ADD COLUMN "meta" jsonb;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "subscription_plans_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "pledges_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "bank_statements_id" uuid;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "statement_lines_id" uuid;
  ALTER TABLE "pledges" ADD CONSTRAINT "pledges_plan_id_subscription_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."subscription_plans"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "pledges" ADD CONSTRAINT "pledges_matched_line_id_statement_lines_id_fk" FOREIGN KEY ("matched_line_id") REFERENCES "public"."statement_lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_statement_id_bank_statements_id_fk" FOREIGN KEY ("statement_id") REFERENCES "public"."bank_statements"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_pledge_id_pledges_id_fk" FOREIGN KEY ("pledge_id") REFERENCES "public"."pledges"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "statement_lines" ADD CONSTRAINT "statement_lines_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "statement_lines_rels" ADD CONSTRAINT "statement_lines_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."statement_lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "statement_lines_rels" ADD CONSTRAINT "statement_lines_rels_pledges_fk" FOREIGN KEY ("pledges_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "subscription_plans_active_idx" ON "subscription_plans" USING btree ("active");
  CREATE INDEX "subscription_plans_updated_at_idx" ON "subscription_plans" USING btree ("updated_at");
  CREATE INDEX "subscription_plans_created_at_idx" ON "subscription_plans" USING btree ("created_at");
  CREATE UNIQUE INDEX "pledges_reference_idx" ON "pledges" USING btree ("reference");
  CREATE INDEX "pledges_plan_idx" ON "pledges" USING btree ("plan_id");
  CREATE INDEX "pledges_depositor_key_idx" ON "pledges" USING btree ("depositor_key");
  CREATE INDEX "pledges_expected_date_idx" ON "pledges" USING btree ("expected_date");
  CREATE INDEX "pledges_amount_idx" ON "pledges" USING btree ("amount");
  CREATE INDEX "pledges_status_idx" ON "pledges" USING btree ("status");
  CREATE INDEX "pledges_matched_line_idx" ON "pledges" USING btree ("matched_line_id");
  CREATE INDEX "pledges_reader_idx" ON "pledges" USING btree ("reader");
  CREATE INDEX "pledges_updated_at_idx" ON "pledges" USING btree ("updated_at");
  CREATE INDEX "pledges_created_at_idx" ON "pledges" USING btree ("created_at");
  CREATE INDEX "bank_statements_status_idx" ON "bank_statements" USING btree ("status");
  CREATE INDEX "bank_statements_updated_at_idx" ON "bank_statements" USING btree ("updated_at");
  CREATE INDEX "bank_statements_created_at_idx" ON "bank_statements" USING btree ("created_at");
  CREATE UNIQUE INDEX "bank_statements_filename_idx" ON "bank_statements" USING btree ("filename");
  CREATE INDEX "statement_lines_statement_idx" ON "statement_lines" USING btree ("statement_id");
  CREATE UNIQUE INDEX "statement_lines_key_idx" ON "statement_lines" USING btree ("key");
  CREATE INDEX "statement_lines_posted_at_idx" ON "statement_lines" USING btree ("posted_at");
  CREATE INDEX "statement_lines_status_idx" ON "statement_lines" USING btree ("status");
  CREATE INDEX "statement_lines_pledge_idx" ON "statement_lines" USING btree ("pledge_id");
  CREATE INDEX "statement_lines_resolved_by_idx" ON "statement_lines" USING btree ("resolved_by_id");
  CREATE INDEX "statement_lines_updated_at_idx" ON "statement_lines" USING btree ("updated_at");
  CREATE INDEX "statement_lines_created_at_idx" ON "statement_lines" USING btree ("created_at");
  CREATE INDEX "statement_lines_rels_order_idx" ON "statement_lines_rels" USING btree ("order");
  CREATE INDEX "statement_lines_rels_parent_idx" ON "statement_lines_rels" USING btree ("parent_id");
  CREATE INDEX "statement_lines_rels_path_idx" ON "statement_lines_rels" USING btree ("path");
  CREATE INDEX "statement_lines_rels_pledges_id_idx" ON "statement_lines_rels" USING btree ("pledges_id");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_subscription_plans_fk" FOREIGN KEY ("subscription_plans_id") REFERENCES "public"."subscription_plans"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_pledges_fk" FOREIGN KEY ("pledges_id") REFERENCES "public"."pledges"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_bank_statements_fk" FOREIGN KEY ("bank_statements_id") REFERENCES "public"."bank_statements"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_statement_lines_fk" FOREIGN KEY ("statement_lines_id") REFERENCES "public"."statement_lines"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_subscription_plans_id_idx" ON "payload_locked_documents_rels" USING btree ("subscription_plans_id");
  CREATE INDEX "payload_locked_documents_rels_pledges_id_idx" ON "payload_locked_documents_rels" USING btree ("pledges_id");
  CREATE INDEX "payload_locked_documents_rels_bank_statements_id_idx" ON "payload_locked_documents_rels" USING btree ("bank_statements_id");
  CREATE INDEX "payload_locked_documents_rels_statement_lines_id_idx" ON "payload_locked_documents_rels" USING btree ("statement_lines_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "subscription_plans" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "pledges" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "bank_statements" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "statement_lines" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "statement_lines_rels" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "weather" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "masthead" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "payload_jobs_stats" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "subscription_plans" CASCADE;
  DROP TABLE "pledges" CASCADE;
  DROP TABLE "bank_statements" CASCADE;
  DROP TABLE "statement_lines" CASCADE;
  DROP TABLE "statement_lines_rels" CASCADE;
  DROP TABLE "weather" CASCADE;
  DROP TABLE "masthead" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_subscription_plans_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_pledges_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_bank_statements_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_statement_lines_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'refreshRelatedSuggestions', 'deliverWebhook', 'notifyWorkflowMove', 'sendInquiryEmail', 'flushArticleViews', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'refreshRelatedSuggestions', 'deliverWebhook', 'notifyWorkflowMove', 'sendInquiryEmail', 'flushArticleViews', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_subscription_plans_id_idx";
  DROP INDEX "payload_locked_documents_rels_pledges_id_idx";
  DROP INDEX "payload_locked_documents_rels_bank_statements_id_idx";
  DROP INDEX "payload_locked_documents_rels_statement_lines_id_idx";
  ALTER TABLE "payload_jobs" DROP COLUMN "meta";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "subscription_plans_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "pledges_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "bank_statements_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "statement_lines_id";
  DROP TYPE "public"."enum_pledges_status";
  DROP TYPE "public"."enum_bank_statements_status";
  DROP TYPE "public"."enum_statement_lines_status";
  DROP TYPE "public"."enum_statement_lines_matched_by";
  DROP TYPE "public"."enum_weather_override_sky";
  DROP TYPE "public"."enum_weather_override_precipitation";
  DROP TYPE "public"."enum_weather_observation_sky";
  DROP TYPE "public"."enum_weather_observation_precipitation";`)
}
