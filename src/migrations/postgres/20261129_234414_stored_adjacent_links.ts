import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" ADD COLUMN "adjacent_links_newer" numeric;
  ALTER TABLE "articles" ADD COLUMN "adjacent_links_older" numeric;
  ALTER TABLE "articles" ADD COLUMN "adjacent_links_revision" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_adjacent_links_newer" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_adjacent_links_older" numeric;
  ALTER TABLE "_articles_v" ADD COLUMN "version_adjacent_links_revision" numeric;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles" DROP COLUMN "adjacent_links_newer";
  ALTER TABLE "articles" DROP COLUMN "adjacent_links_older";
  ALTER TABLE "articles" DROP COLUMN "adjacent_links_revision";
  ALTER TABLE "_articles_v" DROP COLUMN "version_adjacent_links_newer";
  ALTER TABLE "_articles_v" DROP COLUMN "version_adjacent_links_older";
  ALTER TABLE "_articles_v" DROP COLUMN "version_adjacent_links_revision";`)
}
