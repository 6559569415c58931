import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "consumption_updated_at_idx";
  DROP INDEX "consumption_created_at_idx";`)
  // Room on each page for the counter's next version, so the engine's upserts stay HOT updates
  // (no index written again; no indexed column changes since the timestamps lost their indexes).
  await db.execute(sql`ALTER TABLE "consumption" SET (fillfactor = 80);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`ALTER TABLE "consumption" RESET (fillfactor);`)
  await db.execute(sql`
   CREATE INDEX "consumption_updated_at_idx" ON "consumption" USING btree ("updated_at");
  CREATE INDEX "consumption_created_at_idx" ON "consumption" USING btree ("created_at");`)
}
