import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "readers" ADD COLUMN "pending_email" varchar;
  ALTER TABLE "readers" ADD COLUMN "pending_email_expires_at" timestamp(3) with time zone;
  ALTER TABLE "readers" ADD COLUMN "pending_email_token_hash" varchar;
  CREATE INDEX "readers_pending_email_token_hash_idx" ON "readers" USING btree ("pending_email_token_hash");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "readers_pending_email_token_hash_idx";
  ALTER TABLE "readers" DROP COLUMN "pending_email";
  ALTER TABLE "readers" DROP COLUMN "pending_email_expires_at";
  ALTER TABLE "readers" DROP COLUMN "pending_email_token_hash";`)
}
