import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_distribution_channels_events" ADD VALUE 'article.filed';
  ALTER TYPE "public"."enum_distribution_channels_events" ADD VALUE 'article.returned';
  ALTER TYPE "public"."enum_distribution_channels_events" ADD VALUE 'article.approved';
  ALTER TYPE "public"."enum_webhook_deliveries_event" ADD VALUE 'article.filed' BEFORE 'test';
  ALTER TYPE "public"."enum_webhook_deliveries_event" ADD VALUE 'article.returned' BEFORE 'test';
  ALTER TYPE "public"."enum_webhook_deliveries_event" ADD VALUE 'article.approved' BEFORE 'test';
  ALTER TYPE "public"."enum_payload_jobs_log_task_slug" ADD VALUE 'notifyWorkflowMove' BEFORE 'schedulePublish';
  ALTER TYPE "public"."enum_payload_jobs_task_slug" ADD VALUE 'notifyWorkflowMove' BEFORE 'schedulePublish';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "distribution_channels_events" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_distribution_channels_events";
  CREATE TYPE "public"."enum_distribution_channels_events" AS ENUM('article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'cache.purge');
  ALTER TABLE "distribution_channels_events" ALTER COLUMN "value" SET DATA TYPE "public"."enum_distribution_channels_events" USING "value"::"public"."enum_distribution_channels_events";
  ALTER TABLE "webhook_deliveries" ALTER COLUMN "event" SET DATA TYPE text;
  DROP TYPE "public"."enum_webhook_deliveries_event";
  CREATE TYPE "public"."enum_webhook_deliveries_event" AS ENUM('article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'cache.purge', 'test');
  ALTER TABLE "webhook_deliveries" ALTER COLUMN "event" SET DATA TYPE "public"."enum_webhook_deliveries_event" USING "event"::"public"."enum_webhook_deliveries_event";
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'refreshRelatedSuggestions', 'deliverWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs_log" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_log_task_slug" USING "task_slug"::"public"."enum_payload_jobs_log_task_slug";
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE text;
  DROP TYPE "public"."enum_payload_jobs_task_slug";
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'refreshRelatedSuggestions', 'deliverWebhook', 'schedulePublish');
  ALTER TABLE "payload_jobs" ALTER COLUMN "task_slug" SET DATA TYPE "public"."enum_payload_jobs_task_slug" USING "task_slug"::"public"."enum_payload_jobs_task_slug";`)
}
