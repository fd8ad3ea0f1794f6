import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_articles_corrections_kind" AS ENUM('correction', 'rebuttal', 'followUp', 'update');
  CREATE TYPE "public"."enum__articles_v_version_corrections_kind" AS ENUM('correction', 'rebuttal', 'followUp', 'update');
  CREATE TYPE "public"."enum_correction_requests_kind" AS ENUM('correction', 'rebuttal', 'followUp');
  CREATE TYPE "public"."enum_correction_requests_status" AS ENUM('received', 'accepted', 'rejected', 'published', 'arbitration');
  CREATE TABLE "articles_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"kind" "enum_articles_corrections_kind" DEFAULT 'correction',
  	"text" varchar,
  	"published_at" timestamp(3) with time zone,
  	"editor" varchar
  );
  
  CREATE TABLE "_articles_v_version_corrections" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum__articles_v_version_corrections_kind" DEFAULT 'correction',
  	"text" varchar,
  	"published_at" timestamp(3) with time zone,
  	"editor" varchar,
  	"_uuid" varchar
  );
  
  CREATE TABLE "correction_requests" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"kind" "enum_correction_requests_kind" NOT NULL,
  	"requester" varchar NOT NULL,
  	"contact" varchar,
  	"article_id" integer,
  	"claim" varchar NOT NULL,
  	"received_at" timestamp(3) with time zone NOT NULL,
  	"status" "enum_correction_requests_status" DEFAULT 'received' NOT NULL,
  	"answer_due_at" timestamp(3) with time zone,
  	"publish_due_at" timestamp(3) with time zone,
  	"answered_at" timestamp(3) with time zone,
  	"note" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  ALTER TABLE "payload_locked_documents_rels" ADD COLUMN "correction_requests_id" integer;
  ALTER TABLE "articles_corrections" ADD CONSTRAINT "articles_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."articles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "_articles_v_version_corrections" ADD CONSTRAINT "_articles_v_version_corrections_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."_articles_v"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "correction_requests" ADD CONSTRAINT "correction_requests_article_id_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."articles"("id") ON DELETE set null ON UPDATE no action;
  CREATE INDEX "articles_corrections_order_idx" ON "articles_corrections" USING btree ("_order");
  CREATE INDEX "articles_corrections_parent_id_idx" ON "articles_corrections" USING btree ("_parent_id");
  CREATE INDEX "_articles_v_version_corrections_order_idx" ON "_articles_v_version_corrections" USING btree ("_order");
  CREATE INDEX "_articles_v_version_corrections_parent_id_idx" ON "_articles_v_version_corrections" USING btree ("_parent_id");
  CREATE INDEX "correction_requests_article_idx" ON "correction_requests" USING btree ("article_id");
  CREATE INDEX "correction_requests_received_at_idx" ON "correction_requests" USING btree ("received_at");
  CREATE INDEX "correction_requests_status_idx" ON "correction_requests" USING btree ("status");
  CREATE INDEX "correction_requests_answer_due_at_idx" ON "correction_requests" USING btree ("answer_due_at");
  CREATE INDEX "correction_requests_updated_at_idx" ON "correction_requests" USING btree ("updated_at");
  CREATE INDEX "correction_requests_created_at_idx" ON "correction_requests" USING btree ("created_at");
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_correction_requests_fk" FOREIGN KEY ("correction_requests_id") REFERENCES "public"."correction_requests"("id") ON DELETE cascade ON UPDATE no action;
  CREATE INDEX "payload_locked_documents_rels_correction_requests_id_idx" ON "payload_locked_documents_rels" USING btree ("correction_requests_id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   ALTER TABLE "articles_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "_articles_v_version_corrections" DISABLE ROW LEVEL SECURITY;
  ALTER TABLE "correction_requests" DISABLE ROW LEVEL SECURITY;
  DROP TABLE "articles_corrections" CASCADE;
  DROP TABLE "_articles_v_version_corrections" CASCADE;
  DROP TABLE "correction_requests" CASCADE;
  ALTER TABLE "payload_locked_documents_rels" DROP CONSTRAINT "payload_locked_documents_rels_correction_requests_fk";
  
  DROP INDEX "payload_locked_documents_rels_correction_requests_id_idx";
  ALTER TABLE "payload_locked_documents_rels" DROP COLUMN "correction_requests_id";
  DROP TYPE "public"."enum_articles_corrections_kind";
  DROP TYPE "public"."enum__articles_v_version_corrections_kind";
  DROP TYPE "public"."enum_correction_requests_kind";
  DROP TYPE "public"."enum_correction_requests_status";`)
}
