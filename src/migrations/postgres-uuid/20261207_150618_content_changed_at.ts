import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "content_changed_at" timestamp(3) with time zone;
  ALTER TABLE "_articles_v" ADD COLUMN "version_content_changed_at" timestamp(3) with time zone;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "content_changed_at";
  ALTER TABLE "_articles_v" DROP COLUMN "version_content_changed_at";`)
}
