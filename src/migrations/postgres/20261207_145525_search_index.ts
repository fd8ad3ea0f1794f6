import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TABLE "search_index" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"article" varchar NOT NULL,
  	"section" varchar,
  	"region" varchar,
  	"registered_at" timestamp(3) with time zone,
  	"head" varchar,
  	"title" varchar,
  	"subtitle" varchar,
  	"body" varchar,
  	"text" varchar,
  	"grams" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE UNIQUE INDEX "search_index_article_idx" ON "search_index" USING btree ("article");
  CREATE INDEX "search_index_section_idx" ON "search_index" USING btree ("section");
  CREATE INDEX "search_index_region_idx" ON "search_index" USING btree ("region");
  CREATE INDEX "search_index_registered_at_idx" ON "search_index" USING btree ("registered_at");
  CREATE INDEX "search_index_updated_at_idx" ON "search_index" USING btree ("updated_at");
  CREATE INDEX "search_index_created_at_idx" ON "search_index" USING btree ("created_at");`)
  // Public search (plugins/search): the grams as a text-search vector, GIN-indexed. The plugin creates
  // the same at startup when missing, e.g. after a development schema push.
  await db.execute(
    sql.raw(
      `CREATE OR REPLACE FUNCTION "search_index_grams_vector"(grams jsonb) RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE COST 10000 AS $$ BEGIN RETURN jsonb_to_tsvector('simple'::regconfig, grams, '["string"]'::jsonb); END $$`,
    ),
  )
  await db.execute(
    sql.raw(
      `CREATE INDEX IF NOT EXISTS "search_index_grams_tsv_idx" ON "search_index" USING gin ("search_index_grams_vector"("grams"))`,
    ),
  )
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "search_index" CASCADE;`)
  await db.execute(sql.raw(`DROP FUNCTION IF EXISTS "search_index_grams_vector"(jsonb)`))
}
