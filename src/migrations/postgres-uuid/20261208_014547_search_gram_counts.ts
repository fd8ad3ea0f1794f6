import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "search_gram_counts" (
  	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
  	"gram" varchar NOT NULL,
  	"docs" numeric DEFAULT 0 NOT NULL
  );
  
  CREATE UNIQUE INDEX "search_gram_counts_gram_idx" ON "search_gram_counts" USING btree ("gram");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "search_gram_counts" CASCADE;`)
}
