import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`lines_company_idx\`;`)
  await db.run(sql`CREATE INDEX \`company_createdAt_idx\` ON \`lines\` (\`company_id\`,\`created_at\`,\`id\`);`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`company_createdAt_idx\`;`)
  await db.run(sql`CREATE INDEX \`lines_company_idx\` ON \`lines\` (\`company_id\`);`)
}
