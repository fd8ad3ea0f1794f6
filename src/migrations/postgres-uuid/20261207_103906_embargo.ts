import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_embargountil_tz" AS ENUM('Asia/Seoul');
  CREATE TYPE "public"."enum__articles_v_version_embargountil_tz" AS ENUM('Asia/Seoul');
  ALTER TABLE "articles" ADD COLUMN "embargo_until" timestamp(3) with time zone;
  ALTER TABLE "articles" ADD COLUMN "embargountil_tz" "enum_articles_embargountil_tz" DEFAULT 'Asia/Seoul';
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargo_until" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_embargountil_tz" "enum__articles_v_version_embargountil_tz" DEFAULT 'Asia/Seoul';
  CREATE INDEX "articles_embargo_until_idx" ON "articles" USING btree ("embargo_until");
  CREATE INDEX "_articles_v_version_version_embargo_until_idx" ON "_articles_v" USING btree ("version_embargo_until");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "articles_embargo_until_idx";
  DROP INDEX "_articles_v_version_version_embargo_until_idx";
  ALTER TABLE "articles" DROP COLUMN "embargo_until";
  ALTER TABLE "articles" DROP COLUMN "embargountil_tz";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargo_until";
  ALTER TABLE "_articles_v" DROP COLUMN "version_embargountil_tz";
  DROP TYPE "public"."enum_articles_embargountil_tz";
  DROP TYPE "public"."enum__articles_v_version_embargountil_tz";`)
}
