import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_workflow_state" AS ENUM('writing', 'filed', 'inReview', 'approved', 'returned', 'published');
  CREATE TYPE "public"."enum__articles_v_version_workflow_state" AS ENUM('writing', 'filed', 'inReview', 'approved', 'returned', 'published');
  ALTER TABLE "articles" ADD COLUMN "workflow_state" "enum_articles_workflow_state" DEFAULT 'writing';
  ALTER TABLE "articles" ADD COLUMN "workflow_note" varchar;
  ALTER TABLE "articles" ADD COLUMN "workflow_changed_at" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "workflow_changed_by" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_state" "enum__articles_v_version_workflow_state" DEFAULT 'writing';
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_note" varchar;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_changed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_workflow_changed_by" varchar;
  CREATE INDEX "articles_workflow_workflow_state_idx" ON "articles" USING btree ("workflow_state");
  CREATE INDEX "_articles_v_version_workflow_version_workflow_state_idx" ON "_articles_v" USING btree ("version_workflow_state");
  UPDATE "articles" SET "workflow_state" = 'published' WHERE "_status" = 'published';
  UPDATE "_articles_v" SET "version_workflow_state" = 'published' WHERE "version__status" = 'published';`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_workflow_workflow_state_idx";
  DROP INDEX "_articles_v_version_workflow_version_workflow_state_idx";
  ALTER TABLE "articles" DROP COLUMN "workflow_state";
  ALTER TABLE "articles" DROP COLUMN "workflow_note";
  ALTER TABLE "articles" DROP COLUMN "workflow_changed_at";
  ALTER TABLE "articles" DROP COLUMN "workflow_changed_by";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_state";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_note";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_changed_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_workflow_changed_by";
  DROP TYPE "public"."enum_articles_workflow_state";
  DROP TYPE "public"."enum__articles_v_version_workflow_state";`)
}
