import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_ticker_items_source" AS ENUM('manual', 'breaking');
  CREATE TYPE "public"."enum_reports_reason" AS ENUM('abuse', 'falsehood', 'spam', 'privacy', 'copyright', 'other');
  CREATE TYPE "public"."enum_reports_status" AS ENUM('open', 'resolved', 'dismissed');
  CREATE TYPE "public"."enum_inquiries_to" AS ENUM('desk', 'reporter');
  CREATE TYPE "public"."enum_inquiries_status" AS ENUM('new', 'answered', 'closed');
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'sendInquiryEmail' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'flushArticleViews' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'sendInquiryEmail' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'flushArticleViews' BEFORE 'schedulePublish';
  CREATE TABLE "readers_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "readers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"nickname" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"email" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"_verified" boolean,
  	"_verificationtoken" varchar,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "scraps" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"reader_id" integer NOT NULL,
  	"article_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ticker_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"text" varchar,
  	"link" varchar,
  	"article_id" integer,
  	"starts_at" timestamp(3) with time zone,
  	"ends_at" timestamp(3) with time zone,
  	"order" numeric DEFAULT 0,
  	"active" boolean DEFAULT true,
  	"source" "enum_ticker_items_source" DEFAULT 'manual',
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article_id" integer NOT NULL,
  	"reason" "enum_reports_reason" NOT NULL,
  	"text" varchar,
  	"status" "enum_reports_status" DEFAULT 'open',
  	"resolution_note" varchar,
  	"resolved_by_id" integer,
  	"resolved_at" timestamp(3) with time zone,
  	"reader" varchar,
  	"submitter" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "inquiries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"to" "enum_inquiries_to" DEFAULT 'desk',
  	"reporter_id" integer,
  	"name" varchar NOT NULL,
  	"email" varchar NOT NULL,
  	"phone" varchar,
  	"subject" varchar NOT NULL,
  	"message" varchar NOT NULL,
  	"status" "enum_inquiries_status" DEFAULT 'new',
  	"answer" varchar,
  	"answered_by_id" integer,
  	"answered_at" timestamp(3) with time zone,
  	"notified_at" timestamp(3) with time zone,
  	"reader" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "votes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"document" varchar NOT NULL,
  	"voter" varchar NOT NULL,
  	"value" numeric NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "articles" ADD COLUMN "breaking" boolean DEFAULT false;
  ALTER TABLE "_articles_v" ADD COLUMN "version_breaking" boolean DEFAULT false;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "readers_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "scraps_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "ticker_items_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "reports_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "inquiries_id" integer;
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "votes_id" integer;
  ALTER TABLE "payload_preferences_rels" ADD COLUMN "readers_id" integer;
  ALTER TABLE "readers_sessions" ADD CONSTRAINT "readers_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."readers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "scraps" ADD CONSTRAINT "scraps_reader_id_readers_id_fk" FOREIGN KEY ("reader_id") REFERENCES "public"."readers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "scraps" ADD CONSTRAINT "scraps_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "ticker_items" ADD CONSTRAINT "ticker_items_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_resolved_by_id_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_reporter_id_reporters_id_fk" FOREIGN KEY ("reporter_id") REFERENCES "public"."reporters"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "inquiries" ADD CONSTRAINT "inquiries_answered_by_id_users_id_fk" FOREIGN KEY ("answered_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "readers_sessions_order_idx" ON "readers_sessions" USING btree ("_order");
  CREATE INDEX "readers_sessions_parent_id_idx" ON "readers_sessions" USING btree ("_parent_id");
  CREATE INDEX "readers_updated_at_idx" ON "readers" USING btree ("updated_at");
  CREATE INDEX "readers_created_at_idx" ON "readers" USING btree ("created_at");
  CREATE UNIQUE INDEX "readers_email_idx" ON "readers" USING btree ("email");
  CREATE INDEX "scraps_reader_idx" ON "scraps" USING btree ("reader_id");
  CREATE INDEX "scraps_article_idx" ON "scraps" USING btree ("article_id");
  CREATE INDEX "scraps_updated_at_idx" ON "scraps" USING btree ("updated_at");
  CREATE INDEX "scraps_created_at_idx" ON "scraps" USING btree ("created_at");
  CREATE UNIQUE INDEX "reader_article_idx" ON "scraps" USING btree ("reader_id","article_id");
  CREATE INDEX "ticker_items_article_idx" ON "ticker_items" USING btree ("article_id");
  CREATE INDEX "ticker_items_starts_at_idx" ON "ticker_items" USING btree ("starts_at");
  CREATE INDEX "ticker_items_ends_at_idx" ON "ticker_items" USING btree ("ends_at");
  CREATE INDEX "ticker_items_order_idx" ON "ticker_items" USING btree ("order");
  CREATE INDEX "ticker_items_active_idx" ON "ticker_items" USING btree ("active");
  CREATE INDEX "ticker_items_updated_at_idx" ON "ticker_items" USING btree ("updated_at");
  CREATE INDEX "ticker_items_created_at_idx" ON "ticker_items" USING btree ("created_at");
  CREATE INDEX "reports_article_idx" ON "reports" USING btree ("article_id");
  CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");
  CREATE INDEX "reports_resolved_by_idx" ON "reports" USING btree ("resolved_by_id");
  CREATE INDEX "reports_reader_idx" ON "reports" USING btree ("reader");
  CREATE INDEX "reports_submitter_idx" ON "reports" USING btree ("submitter");
  CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");
  CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");
  CREATE INDEX "inquiries_reporter_idx" ON "inquiries" USING btree ("reporter_id");
  CREATE INDEX "inquiries_status_idx" ON "inquiries" USING btree ("status");
  CREATE INDEX "inquiries_answered_by_idx" ON "inquiries" USING btree ("answered_by_id");
  CREATE INDEX "inquiries_reader_idx" ON "inquiries" USING btree ("reader");
  CREATE INDEX "inquiries_updated_at_idx" ON "inquiries" USING btree ("updated_at");
  CREATE INDEX "inquiries_created_at_idx" ON "inquiries" USING btree ("created_at");
  CREATE INDEX "votes_document_idx" ON "votes" USING btree ("document");
  CREATE INDEX "votes_updated_at_idx" ON "votes" USING btree ("updated_at");
  CREATE INDEX "votes_created_at_idx" ON "votes" USING btree ("created_at");
  CREATE UNIQUE INDEX "document_voter_idx" ON "votes" USING btree ("document","voter");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_readers_fk" FOREIGN KEY ("readers_id") REFERENCES "public"."readers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_scraps_fk" FOREIGN KEY ("scraps_id") REFERENCES "public"."scraps"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ticker_items_fk" FOREIGN KEY ("ticker_items_id") REFERENCES "public"."ticker_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reports_fk" FOREIGN KEY ("reports_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_inquiries_fk" FOREIGN KEY ("inquiries_id") REFERENCES "public"."inquiries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_votes_fk" FOREIGN KEY ("votes_id") REFERENCES "public"."votes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_readers_fk" FOREIGN KEY ("readers_id") REFERENCES "public"."readers"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_readers_id_idx" ON "payload_locked_documents_rels" USING btree ("readers_id");
  CREATE INDEX "payload_locked_documents_rels_scraps_id_idx" ON "payload_locked_documents_rels" USING btree ("scraps_id");
  CREATE INDEX "payload_locked_documents_rels_ticker_items_id_idx" ON "payload_locked_documents_rels" USING btree ("ticker_items_id");
  CREATE INDEX "payload_locked_documents_rels_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("reports_id");
  CREATE INDEX "payload_locked_documents_rels_inquiries_id_idx" ON "payload_locked_documents_rels" USING btree ("inquiries_id");
  CREATE INDEX "payload_locked_documents_rels_votes_id_idx" ON "payload_locked_documents_rels" USING btree ("votes_id");
  CREATE INDEX "payload_preferences_rels_readers_id_idx" ON "payload_preferences_rels" USING btree ("readers_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "readers_sessions" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "readers" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "scraps" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "ticker_items" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "reports" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "inquiries" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "votes" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "readers_sessions" CASCADE;
  DROP TABLE "readers" CASCADE;
  DROP TABLE "scraps" CASCADE;
  DROP TABLE "ticker_items" CASCADE;
  DROP TABLE "reports" CASCADE;
  DROP TABLE "inquiries" CASCADE;
  DROP TABLE "votes" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_readers_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_scraps_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_ticker_items_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_reports_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_inquiries_fk";
  
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_votes_fk";
  
  ALTER TABLE "payload_preferences_rels" DROP CONSTRAINT "payload_preferences_rels_readers_fk";
  
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'refreshRelatedSuggestions', 'deliverWebhook', 'notifyWorkflowMove', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'refreshRelatedSuggestions', 'deliverWebhook', 'notifyWorkflowMove', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";
  DROP INDEX "payload_locked_documents_rels_readers_id_idx";
  DROP INDEX "payload_locked_documents_rels_scraps_id_idx";
  DROP INDEX "payload_locked_documents_rels_ticker_items_id_idx";
  DROP INDEX "payload_locked_documents_rels_reports_id_idx";
  DROP INDEX "payload_locked_documents_rels_inquiries_id_idx";
  DROP INDEX "payload_locked_documents_rels_votes_id_idx";
  DROP INDEX "payload_preferences_rels_readers_id_idx";
  ALTER TABLE "articles" DROP COLUMN "breaking";
  ALTER TABLE "_articles_v" DROP COLUMN "version_breaking";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "readers_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "scraps_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "ticker_items_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "reports_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "inquiries_id";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "votes_id";
  ALTER TABLE "payload_preferences_rels" DROP COLUMN "readers_id";
  DROP TYPE "public"."enum_ticker_items_source";
  DROP TYPE "public"."enum_reports_reason";
  DROP TYPE "public"."enum_reports_status";
  DROP TYPE "public"."enum_inquiries_to";
  DROP TYPE "public"."enum_inquiries_status";`)
}
