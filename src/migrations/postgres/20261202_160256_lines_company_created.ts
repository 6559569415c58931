import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "lines_company_idx";
  CREATE INDEX "company_createdAt_idx" ON "lines" USING btree ("company_id","created_at","id");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "company_createdAt_idx";
  CREATE INDEX "lines_company_idx" ON "lines" USING btree ("company_id");`)
}
