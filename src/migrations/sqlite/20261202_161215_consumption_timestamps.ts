import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`DROP INDEX \`consumption_updated_at_idx\`;`)
  await db.run(sql`DROP INDEX \`consumption_created_at_idx\`;`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`CREATE INDEX \`consumption_updated_at_idx\` ON \`consumption\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consumption_created_at_idx\` ON \`consumption\` (\`created_at\`);`)
}
