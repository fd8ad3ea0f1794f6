import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TYPE "public"."enum_distribution_channels_events" ADD VALUE 'article.corrected';
  ALTER TYPE "public"."enum_distribution_channels_events" ADD VALUE 'article.embargoed';
  ALTER TYPE "public"."enum_webhook_deliveries_event" ADD VALUE 'article.corrected' BEFORE 'test';
  ALTER TYPE "public"."enum_webhook_deliveries_event" ADD VALUE 'article.embargoed' BEFORE 'test';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "distribution_channels_events" ALTER COLUMN "value" SET DATA TYPE text;
  DROP TYPE "public"."enum_distribution_channels_events";
  CREATE TYPE "public"."enum_distribution_channels_events" AS ENUM('article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'cache.purge', 'article.filed', 'article.returned', 'article.approved');
  ALTER TABLE "distribution_channels_events" ALTER COLUMN "value" SET DATA TYPE "public"."enum_distribution_channels_events" USING "value"::"public"."enum_distribution_channels_events";
  ALTER TABLE "webhook_deliveries" ALTER COLUMN "event" SET DATA TYPE text;
  DROP TYPE "public"."enum_webhook_deliveries_event";
  CREATE TYPE "public"."enum_webhook_deliveries_event" AS ENUM('article.published', 'article.updated', 'article.unpublished', 'article.deleted', 'cache.purge', 'article.filed', 'article.returned', 'article.approved', 'test');
  ALTER TABLE "webhook_deliveries" ALTER COLUMN "event" SET DATA TYPE "public"."enum_webhook_deliveries_event" USING "event"::"public"."enum_webhook_deliveries_event";`)
}
