import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   DROP INDEX "departments_company_idx";
  DROP INDEX "profiles_company_idx";
  DROP INDEX "accounts_company_idx";
  DROP INDEX "transactions_company_idx";
  DROP INDEX "usage_line_idx";
  DROP INDEX "usage_category_idx";
  DROP INDEX "usage_cycle_idx";
  DROP INDEX "usage_company_idx";
  DROP INDEX "usage_updated_at_idx";
  DROP INDEX "usage_created_at_idx";
  DROP INDEX "consumption_line_idx";
  DROP INDEX "notifications_line_idx";`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   CREATE INDEX "departments_company_idx" ON "departments" USING btree ("company_id");
  CREATE INDEX "profiles_company_idx" ON "profiles" USING btree ("company_id");
  CREATE INDEX "accounts_company_idx" ON "accounts" USING btree ("company_id");
  CREATE INDEX "transactions_company_idx" ON "transactions" USING btree ("company_id");
  CREATE INDEX "usage_line_idx" ON "usage" USING btree ("line_id");
  CREATE INDEX "usage_category_idx" ON "usage" USING btree ("category");
  CREATE INDEX "usage_cycle_idx" ON "usage" USING btree ("cycle");
  CREATE INDEX "usage_company_idx" ON "usage" USING btree ("company_id");
  CREATE INDEX "usage_updated_at_idx" ON "usage" USING btree ("updated_at");
  CREATE INDEX "usage_created_at_idx" ON "usage" USING btree ("created_at");
  CREATE INDEX "consumption_line_idx" ON "consumption" USING btree ("line_id");
  CREATE INDEX "notifications_line_idx" ON "notifications" USING btree ("line_id");`)
}
