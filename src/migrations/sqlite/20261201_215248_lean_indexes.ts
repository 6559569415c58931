import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`departments_company_idx\`;`)
  await db.run(sql`DROP INDEX \`profiles_company_idx\`;`)
  await db.run(sql`DROP INDEX \`accounts_company_idx\`;`)
  await db.run(sql`DROP INDEX \`transactions_company_idx\`;`)
  await db.run(sql`DROP INDEX \`usage_line_idx\`;`)
  await db.run(sql`DROP INDEX \`usage_category_idx\`;`)
  await db.run(sql`DROP INDEX \`usage_cycle_idx\`;`)
  await db.run(sql`DROP INDEX \`usage_company_idx\`;`)
  await db.run(sql`DROP INDEX \`usage_updated_at_idx\`;`)
  await db.run(sql`DROP INDEX \`usage_created_at_idx\`;`)
  await db.run(sql`DROP INDEX \`consumption_line_idx\`;`)
  await db.run(sql`DROP INDEX \`notifications_line_idx\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`departments_company_idx\` ON \`departments\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`profiles_company_idx\` ON \`profiles\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`accounts_company_idx\` ON \`accounts\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`transactions_company_idx\` ON \`transactions\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_line_idx\` ON \`usage\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_category_idx\` ON \`usage\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`usage_cycle_idx\` ON \`usage\` (\`cycle\`);`)
  await db.run(sql`CREATE INDEX \`usage_company_idx\` ON \`usage\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`usage_updated_at_idx\` ON \`usage\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`usage_created_at_idx\` ON \`usage\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`consumption_line_idx\` ON \`consumption\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_line_idx\` ON \`notifications\` (\`line_id\`);`)
}
