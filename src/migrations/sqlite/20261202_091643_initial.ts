import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-sqlite'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.run(sql`CREATE TABLE \`lines\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`msisdn\` text NOT NULL,
  	\`status\` text DEFAULT 'active',
  	\`account_id\` integer NOT NULL,
  	\`department_id\` integer,
  	\`profile_id\` integer,
  	\`iccid\` text,
  	\`imsi\` text,
  	\`extension\` text,
  	\`quota_control\` text DEFAULT 'unlimited',
  	\`quota_amount_m_b\` numeric,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`profile_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`lines_msisdn_idx\` ON \`lines\` (\`msisdn\`);`)
  await db.run(sql`CREATE INDEX \`lines_status_idx\` ON \`lines\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`lines_account_idx\` ON \`lines\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`lines_department_idx\` ON \`lines\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`lines_profile_idx\` ON \`lines\` (\`profile_id\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`lines_iccid_idx\` ON \`lines\` (\`iccid\`);`)
  await db.run(sql`CREATE INDEX \`lines_company_idx\` ON \`lines\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`lines_updated_at_idx\` ON \`lines\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`lines_created_at_idx\` ON \`lines\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`departments\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`departments_updated_at_idx\` ON \`departments\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`departments_created_at_idx\` ON \`departments\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`company_name_idx\` ON \`departments\` (\`company_id\`,\`name\`);`)
  await db.run(sql`CREATE TABLE \`profiles_lists\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`type\` text NOT NULL,
  	\`usage\` text NOT NULL,
  	\`scope\` text DEFAULT 'national',
  	\`number\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`profiles_lists_order_idx\` ON \`profiles_lists\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`profiles_lists_parent_id_idx\` ON \`profiles_lists\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`profiles_calendar_days\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`profiles_calendar_days_order_idx\` ON \`profiles_calendar_days\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`profiles_calendar_days_parent_idx\` ON \`profiles_calendar_days\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`profiles_calendar_windows\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`from\` text NOT NULL,
  	\`to\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`profiles_calendar_windows_order_idx\` ON \`profiles_calendar_windows\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`profiles_calendar_windows_parent_id_idx\` ON \`profiles_calendar_windows\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`profiles_limits\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`category\` text NOT NULL,
  	\`control\` text DEFAULT 'unlimited',
  	\`quantity\` numeric,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`profiles_limits_order_idx\` ON \`profiles_limits\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`profiles_limits_parent_id_idx\` ON \`profiles_limits\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`profiles\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`calendar_holidays\` integer DEFAULT true,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`profiles_updated_at_idx\` ON \`profiles\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`profiles_created_at_idx\` ON \`profiles\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`company_name_1_idx\` ON \`profiles\` (\`company_id\`,\`name\`);`)
  await db.run(sql`CREATE TABLE \`offers_categories\` (
  	\`order\` integer NOT NULL,
  	\`parent_id\` integer NOT NULL,
  	\`value\` text,
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`offers\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`offers_categories_order_idx\` ON \`offers_categories\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`offers_categories_parent_idx\` ON \`offers_categories\` (\`parent_id\`);`)
  await db.run(sql`CREATE TABLE \`offers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`offer\` text NOT NULL,
  	\`package\` text NOT NULL,
  	\`kind\` text DEFAULT 'individual',
  	\`unit\` text NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`account_id\` integer NOT NULL,
  	\`line_id\` integer,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`account_id\`) REFERENCES \`accounts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`offers_kind_idx\` ON \`offers\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`offers_account_idx\` ON \`offers\` (\`account_id\`);`)
  await db.run(sql`CREATE INDEX \`offers_line_idx\` ON \`offers\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`offers_company_idx\` ON \`offers\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`offers_updated_at_idx\` ON \`offers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`offers_created_at_idx\` ON \`offers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`transfers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`offer_id\` integer NOT NULL,
  	\`from_line_id\` integer NOT NULL,
  	\`to_line_id\` integer NOT NULL,
  	\`amount\` numeric NOT NULL,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`offer_id\`) REFERENCES \`offers\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`from_line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`to_line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`transfers_offer_idx\` ON \`transfers\` (\`offer_id\`);`)
  await db.run(sql`CREATE INDEX \`transfers_from_line_idx\` ON \`transfers\` (\`from_line_id\`);`)
  await db.run(sql`CREATE INDEX \`transfers_to_line_idx\` ON \`transfers\` (\`to_line_id\`);`)
  await db.run(sql`CREATE INDEX \`transfers_company_idx\` ON \`transfers\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`transfers_updated_at_idx\` ON \`transfers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`transfers_created_at_idx\` ON \`transfers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`holidays\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`date\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`ddd\` numeric,
  	\`state\` text,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`holidays_date_idx\` ON \`holidays\` (\`date\`);`)
  await db.run(sql`CREATE INDEX \`holidays_company_idx\` ON \`holidays\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`holidays_updated_at_idx\` ON \`holidays\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`holidays_created_at_idx\` ON \`holidays\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`tariffs_categories\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`category\` text NOT NULL,
  	\`price\` numeric NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`tariffs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`tariffs_categories_order_idx\` ON \`tariffs_categories\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`tariffs_categories_parent_id_idx\` ON \`tariffs_categories\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`tariffs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`valid_from\` text NOT NULL,
  	\`voice_per_minute\` numeric DEFAULT 0 NOT NULL,
  	\`first_increment_s\` numeric DEFAULT 30 NOT NULL,
  	\`next_increment_s\` numeric DEFAULT 6 NOT NULL,
  	\`sms_per_message\` numeric DEFAULT 0 NOT NULL,
  	\`data_per_m_b\` numeric DEFAULT 0 NOT NULL,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`tariffs_updated_at_idx\` ON \`tariffs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`tariffs_created_at_idx\` ON \`tariffs\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`company_validFrom_idx\` ON \`tariffs\` (\`company_id\`,\`valid_from\`);`)
  await db.run(sql`CREATE TABLE \`spend_caps\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`scope\` text DEFAULT 'line',
  	\`line_id\` integer,
  	\`department_id\` integer,
  	\`amount\` numeric NOT NULL,
  	\`control\` text DEFAULT 'block',
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`spend_caps_scope_idx\` ON \`spend_caps\` (\`scope\`);`)
  await db.run(sql`CREATE INDEX \`spend_caps_line_idx\` ON \`spend_caps\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`spend_caps_department_idx\` ON \`spend_caps\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`spend_caps_company_idx\` ON \`spend_caps\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`spend_caps_updated_at_idx\` ON \`spend_caps\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`spend_caps_created_at_idx\` ON \`spend_caps\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`accounts\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`number\` text NOT NULL,
  	\`name\` text,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`accounts_updated_at_idx\` ON \`accounts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`accounts_created_at_idx\` ON \`accounts\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`company_number_idx\` ON \`accounts\` (\`company_id\`,\`number\`);`)
  await db.run(sql`CREATE TABLE \`companies\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`cnpj\` text NOT NULL,
  	\`name\` text NOT NULL,
  	\`client_number\` text NOT NULL,
  	\`status\` text DEFAULT 'active',
  	\`renewal_day\` numeric DEFAULT 1 NOT NULL,
  	\`csp\` text DEFAULT '21',
  	\`interrupt_at_limit\` integer DEFAULT false,
  	\`spend_alerts_thresholds\` text DEFAULT '50, 80, 100',
  	\`spend_alerts_webhook_url\` text,
  	\`spend_alerts_webhook_secret\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`companies_cnpj_idx\` ON \`companies\` (\`cnpj\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`companies_client_number_idx\` ON \`companies\` (\`client_number\`);`)
  await db.run(sql`CREATE INDEX \`companies_updated_at_idx\` ON \`companies\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`companies_created_at_idx\` ON \`companies\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`users_sessions\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`created_at\` text,
  	\`expires_at\` text NOT NULL,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_sessions_order_idx\` ON \`users_sessions\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`users_sessions_parent_id_idx\` ON \`users_sessions\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`users\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`first_name\` text NOT NULL,
  	\`last_name\` text NOT NULL,
  	\`phone\` text,
  	\`role\` text DEFAULT 'viewer',
  	\`must_change_password\` integer DEFAULT false,
  	\`selected_company_id\` integer,
  	\`blocked\` integer DEFAULT false,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`enable_a_p_i_key\` integer,
  	\`api_key\` text,
  	\`api_key_index\` text,
  	\`email\` text NOT NULL,
  	\`username\` text NOT NULL,
  	\`reset_password_token\` text,
  	\`reset_password_expiration\` text,
  	\`salt\` text,
  	\`hash\` text,
  	\`reset_password_requested_at\` text,
  	\`login_attempts\` numeric DEFAULT 0,
  	\`lock_until\` text,
  	FOREIGN KEY (\`selected_company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`users_selected_company_idx\` ON \`users\` (\`selected_company_id\`);`)
  await db.run(sql`CREATE INDEX \`users_updated_at_idx\` ON \`users\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`users_created_at_idx\` ON \`users\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`users_username_idx\` ON \`users\` (\`username\`);`)
  await db.run(sql`CREATE TABLE \`users_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`companies_id\` integer,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`companies_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`users_rels_order_idx\` ON \`users_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_parent_idx\` ON \`users_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_path_idx\` ON \`users_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_companies_id_idx\` ON \`users_rels\` (\`companies_id\`);`)
  await db.run(sql`CREATE INDEX \`users_rels_departments_id_idx\` ON \`users_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`transactions\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`at\` text NOT NULL,
  	\`role\` text,
  	\`user_id\` integer,
  	\`user_login\` text,
  	\`event\` text NOT NULL,
  	\`description\` text,
  	\`entity\` text,
  	\`entity_id\` text,
  	\`company_id\` integer,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`transactions_at_idx\` ON \`transactions\` (\`at\`);`)
  await db.run(sql`CREATE INDEX \`transactions_user_idx\` ON \`transactions\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`transactions_user_login_idx\` ON \`transactions\` (\`user_login\`);`)
  await db.run(sql`CREATE INDEX \`transactions_updated_at_idx\` ON \`transactions\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`transactions_created_at_idx\` ON \`transactions\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`company_at_idx\` ON \`transactions\` (\`company_id\`,\`at\`);`)
  await db.run(sql`CREATE TABLE \`usage\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`event_id\` text NOT NULL,
  	\`line_id\` integer NOT NULL,
  	\`msisdn\` text,
  	\`service\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`destination\` text,
  	\`at\` text NOT NULL,
  	\`units\` numeric NOT NULL,
  	\`cost\` numeric DEFAULT 0,
  	\`group\` text,
  	\`package\` text,
  	\`cycle\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`company_id\` integer NOT NULL,
  	FOREIGN KEY (\`line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`usage_msisdn_idx\` ON \`usage\` (\`msisdn\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`company_eventId_idx\` ON \`usage\` (\`company_id\`,\`event_id\`);`)
  await db.run(sql`CREATE INDEX \`company_at_1_idx\` ON \`usage\` (\`company_id\`,\`at\`);`)
  await db.run(sql`CREATE INDEX \`line_at_idx\` ON \`usage\` (\`line_id\`,\`at\`);`)
  await db.run(sql`CREATE TABLE \`consumption\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`line_id\` integer NOT NULL,
  	\`cycle\` text NOT NULL,
  	\`key\` text NOT NULL,
  	\`units\` numeric DEFAULT 0 NOT NULL,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`consumption_company_idx\` ON \`consumption\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`consumption_updated_at_idx\` ON \`consumption\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`consumption_created_at_idx\` ON \`consumption\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`line_cycle_key_idx\` ON \`consumption\` (\`line_id\`,\`cycle\`,\`key\`);`)
  await db.run(sql`CREATE TABLE \`notifications\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`line_id\` integer NOT NULL,
  	\`msisdn\` text,
  	\`offer\` text,
  	\`package\` text,
  	\`package_key\` text NOT NULL,
  	\`threshold\` text NOT NULL,
  	\`cycle\` text NOT NULL,
  	\`message\` text,
  	\`status\` text DEFAULT 'queued',
  	\`channel\` text DEFAULT 'outbox',
  	\`sent_at\` text,
  	\`error\` text,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`notifications_cycle_idx\` ON \`notifications\` (\`cycle\`);`)
  await db.run(sql`CREATE INDEX \`notifications_company_idx\` ON \`notifications\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`notifications_updated_at_idx\` ON \`notifications\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`notifications_created_at_idx\` ON \`notifications\` (\`created_at\`);`)
  await db.run(sql`CREATE UNIQUE INDEX \`line_packageKey_cycle_threshold_idx\` ON \`notifications\` (\`line_id\`,\`package_key\`,\`cycle\`,\`threshold\`);`)
  await db.run(sql`CREATE TABLE \`spend_alerts\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`kind\` text NOT NULL,
  	\`subject\` text NOT NULL,
  	\`subject_id\` text,
  	\`subject_name\` text,
  	\`line_id\` integer,
  	\`department_id\` integer,
  	\`cycle\` text,
  	\`threshold\` numeric,
  	\`percent\` numeric,
  	\`runs_out_at\` text,
  	\`message\` text NOT NULL,
  	\`emailed_to\` text,
  	\`webhook\` text DEFAULT 'none',
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`line_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`department_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`spend_alerts_key_idx\` ON \`spend_alerts\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_kind_idx\` ON \`spend_alerts\` (\`kind\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_line_idx\` ON \`spend_alerts\` (\`line_id\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_department_idx\` ON \`spend_alerts\` (\`department_id\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_cycle_idx\` ON \`spend_alerts\` (\`cycle\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_company_idx\` ON \`spend_alerts\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_updated_at_idx\` ON \`spend_alerts\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`spend_alerts_created_at_idx\` ON \`spend_alerts\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`webhook_deliveries\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`alert_id\` integer NOT NULL,
  	\`url\` text NOT NULL,
  	\`status\` text DEFAULT 'pending',
  	\`attempts\` numeric DEFAULT 0,
  	\`response_status\` numeric,
  	\`last_error\` text,
  	\`delivered_at\` text,
  	\`body\` text,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`alert_id\`) REFERENCES \`spend_alerts\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_alert_idx\` ON \`webhook_deliveries\` (\`alert_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_company_idx\` ON \`webhook_deliveries\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_updated_at_idx\` ON \`webhook_deliveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`webhook_deliveries_created_at_idx\` ON \`webhook_deliveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reports\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`kind\` text NOT NULL,
  	\`format\` text DEFAULT 'xlsx',
  	\`params\` text,
  	\`status\` text DEFAULT 'pending',
  	\`row_count\` numeric,
  	\`file\` text,
  	\`error\` text,
  	\`attempts\` numeric,
  	\`heartbeat_at\` text,
  	\`finished_at\` text,
  	\`job\` text,
  	\`requested_by_id\` integer,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_status_idx\` ON \`reports\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`reports_requested_by_idx\` ON \`reports\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_company_idx\` ON \`reports\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_updated_at_idx\` ON \`reports\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`reports_created_at_idx\` ON \`reports\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`reports_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`departments_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`reports_rels_order_idx\` ON \`reports_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_parent_idx\` ON \`reports_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_path_idx\` ON \`reports_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`reports_rels_departments_id_idx\` ON \`reports_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE TABLE \`backups\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text NOT NULL,
  	\`category\` text NOT NULL,
  	\`status\` text DEFAULT 'pending',
  	\`item_count\` numeric,
  	\`failed_count\` numeric,
  	\`error\` text,
  	\`created_by_id\` integer,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`created_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`backups_name_idx\` ON \`backups\` (\`name\`);`)
  await db.run(sql`CREATE INDEX \`backups_category_idx\` ON \`backups\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`backups_status_idx\` ON \`backups\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`backups_created_by_idx\` ON \`backups\` (\`created_by_id\`);`)
  await db.run(sql`CREATE INDEX \`backups_company_idx\` ON \`backups\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`backups_updated_at_idx\` ON \`backups\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`backups_created_at_idx\` ON \`backups\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`restores\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`backup_id\` integer,
  	\`backup_name\` text,
  	\`category\` text NOT NULL,
  	\`status\` text DEFAULT 'pending',
  	\`applied_count\` numeric DEFAULT 0,
  	\`failed_count\` numeric DEFAULT 0,
  	\`resumes\` numeric DEFAULT 0,
  	\`finished_at\` text,
  	\`requested_by_id\` integer,
  	\`company_id\` integer NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`backup_id\`) REFERENCES \`backups\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`requested_by_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`restores_backup_idx\` ON \`restores\` (\`backup_id\`);`)
  await db.run(sql`CREATE INDEX \`restores_category_idx\` ON \`restores\` (\`category\`);`)
  await db.run(sql`CREATE INDEX \`restores_status_idx\` ON \`restores\` (\`status\`);`)
  await db.run(sql`CREATE INDEX \`restores_requested_by_idx\` ON \`restores\` (\`requested_by_id\`);`)
  await db.run(sql`CREATE INDEX \`restores_company_idx\` ON \`restores\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`restores_updated_at_idx\` ON \`restores\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`restores_created_at_idx\` ON \`restores\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`restore_items\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`restore_id\` integer NOT NULL,
  	\`company_id\` integer NOT NULL,
  	\`outcome\` text NOT NULL,
  	\`kind\` text,
  	\`item_id\` text,
  	\`title\` text,
  	\`action\` text,
  	\`changes\` text,
  	\`reason\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`restore_id\`) REFERENCES \`restores\`(\`id\`) ON UPDATE no action ON DELETE set null,
  	FOREIGN KEY (\`company_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`restore_items_company_idx\` ON \`restore_items\` (\`company_id\`);`)
  await db.run(sql`CREATE INDEX \`restore_items_updated_at_idx\` ON \`restore_items\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`restore_items_created_at_idx\` ON \`restore_items\` (\`created_at\`);`)
  await db.run(sql`CREATE INDEX \`restore_outcome_idx\` ON \`restore_items\` (\`restore_id\`,\`outcome\`);`)
  await db.run(sql`CREATE TABLE \`operator_prefixes\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`prefix\` text NOT NULL,
  	\`operator\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`operator_prefixes_prefix_idx\` ON \`operator_prefixes\` (\`prefix\`);`)
  await db.run(sql`CREATE INDEX \`operator_prefixes_updated_at_idx\` ON \`operator_prefixes\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`operator_prefixes_created_at_idx\` ON \`operator_prefixes\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`ported_numbers\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`msisdn\` text NOT NULL,
  	\`operator\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`ported_numbers_msisdn_idx\` ON \`ported_numbers\` (\`msisdn\`);`)
  await db.run(sql`CREATE INDEX \`ported_numbers_updated_at_idx\` ON \`ported_numbers\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`ported_numbers_created_at_idx\` ON \`ported_numbers\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`outbox\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`to\` text NOT NULL,
  	\`from\` text,
  	\`subject\` text,
  	\`text\` text,
  	\`html\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`outbox_to_idx\` ON \`outbox\` (\`to\`);`)
  await db.run(sql`CREATE INDEX \`outbox_updated_at_idx\` ON \`outbox\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`outbox_created_at_idx\` ON \`outbox\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`login_challenges\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`challenge_hash\` text NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`code_hash\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`attempts\` numeric DEFAULT 0 NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`login_challenges_challenge_hash_idx\` ON \`login_challenges\` (\`challenge_hash\`);`)
  await db.run(sql`CREATE INDEX \`login_challenges_user_idx\` ON \`login_challenges\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`login_challenges_expires_at_idx\` ON \`login_challenges\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`login_challenges_updated_at_idx\` ON \`login_challenges\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`login_challenges_created_at_idx\` ON \`login_challenges\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`password_recoveries\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`user_id\` integer NOT NULL,
  	\`hash\` text NOT NULL,
  	\`salt\` text NOT NULL,
  	\`expires_at\` text NOT NULL,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	FOREIGN KEY (\`user_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE set null
  );
  `)
  await db.run(sql`CREATE INDEX \`password_recoveries_user_idx\` ON \`password_recoveries\` (\`user_id\`);`)
  await db.run(sql`CREATE INDEX \`password_recoveries_expires_at_idx\` ON \`password_recoveries\` (\`expires_at\`);`)
  await db.run(sql`CREATE INDEX \`password_recoveries_updated_at_idx\` ON \`password_recoveries\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`password_recoveries_created_at_idx\` ON \`password_recoveries\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_kv\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text NOT NULL,
  	\`data\` text NOT NULL
  );
  `)
  await db.run(sql`CREATE UNIQUE INDEX \`payload_kv_key_idx\` ON \`payload_kv\` (\`key\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_log\` (
  	\`_order\` integer NOT NULL,
  	\`_parent_id\` integer NOT NULL,
  	\`id\` text PRIMARY KEY NOT NULL,
  	\`executed_at\` text NOT NULL,
  	\`completed_at\` text NOT NULL,
  	\`task_slug\` text NOT NULL,
  	\`task_i_d\` text NOT NULL,
  	\`input\` text,
  	\`output\` text,
  	\`state\` text NOT NULL,
  	\`error\` text,
  	FOREIGN KEY (\`_parent_id\`) REFERENCES \`payload_jobs\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_order_idx\` ON \`payload_jobs_log\` (\`_order\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_log_parent_id_idx\` ON \`payload_jobs_log\` (\`_parent_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`input\` text,
  	\`completed_at\` text,
  	\`total_tried\` numeric DEFAULT 0,
  	\`has_error\` integer DEFAULT false,
  	\`error\` text,
  	\`task_slug\` text,
  	\`queue\` text DEFAULT 'default',
  	\`wait_until\` text,
  	\`processing\` integer DEFAULT false,
  	\`meta\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_jobs_completed_at_idx\` ON \`payload_jobs\` (\`completed_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_total_tried_idx\` ON \`payload_jobs\` (\`total_tried\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_has_error_idx\` ON \`payload_jobs\` (\`has_error\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_task_slug_idx\` ON \`payload_jobs\` (\`task_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_queue_idx\` ON \`payload_jobs\` (\`queue\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_wait_until_idx\` ON \`payload_jobs\` (\`wait_until\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_processing_idx\` ON \`payload_jobs\` (\`processing\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_updated_at_idx\` ON \`payload_jobs\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_jobs_created_at_idx\` ON \`payload_jobs\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`global_slug\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_global_slug_idx\` ON \`payload_locked_documents\` (\`global_slug\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_updated_at_idx\` ON \`payload_locked_documents\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_created_at_idx\` ON \`payload_locked_documents\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_locked_documents_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`lines_id\` integer,
  	\`departments_id\` integer,
  	\`profiles_id\` integer,
  	\`offers_id\` integer,
  	\`transfers_id\` integer,
  	\`holidays_id\` integer,
  	\`tariffs_id\` integer,
  	\`spend_caps_id\` integer,
  	\`accounts_id\` integer,
  	\`companies_id\` integer,
  	\`users_id\` integer,
  	\`transactions_id\` integer,
  	\`usage_id\` integer,
  	\`consumption_id\` integer,
  	\`notifications_id\` integer,
  	\`spend_alerts_id\` integer,
  	\`webhook_deliveries_id\` integer,
  	\`reports_id\` integer,
  	\`backups_id\` integer,
  	\`restores_id\` integer,
  	\`restore_items_id\` integer,
  	\`operator_prefixes_id\` integer,
  	\`ported_numbers_id\` integer,
  	\`outbox_id\` integer,
  	\`login_challenges_id\` integer,
  	\`password_recoveries_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_locked_documents\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`lines_id\`) REFERENCES \`lines\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`departments_id\`) REFERENCES \`departments\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`profiles_id\`) REFERENCES \`profiles\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`offers_id\`) REFERENCES \`offers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`transfers_id\`) REFERENCES \`transfers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`holidays_id\`) REFERENCES \`holidays\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`tariffs_id\`) REFERENCES \`tariffs\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`spend_caps_id\`) REFERENCES \`spend_caps\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`accounts_id\`) REFERENCES \`accounts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`companies_id\`) REFERENCES \`companies\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`transactions_id\`) REFERENCES \`transactions\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`usage_id\`) REFERENCES \`usage\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`consumption_id\`) REFERENCES \`consumption\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`notifications_id\`) REFERENCES \`notifications\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`spend_alerts_id\`) REFERENCES \`spend_alerts\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`webhook_deliveries_id\`) REFERENCES \`webhook_deliveries\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`reports_id\`) REFERENCES \`reports\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`backups_id\`) REFERENCES \`backups\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`restores_id\`) REFERENCES \`restores\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`restore_items_id\`) REFERENCES \`restore_items\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`operator_prefixes_id\`) REFERENCES \`operator_prefixes\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`ported_numbers_id\`) REFERENCES \`ported_numbers\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`outbox_id\`) REFERENCES \`outbox\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`login_challenges_id\`) REFERENCES \`login_challenges\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`password_recoveries_id\`) REFERENCES \`password_recoveries\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_order_idx\` ON \`payload_locked_documents_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_parent_idx\` ON \`payload_locked_documents_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_path_idx\` ON \`payload_locked_documents_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_lines_id_idx\` ON \`payload_locked_documents_rels\` (\`lines_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_departments_id_idx\` ON \`payload_locked_documents_rels\` (\`departments_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_profiles_id_idx\` ON \`payload_locked_documents_rels\` (\`profiles_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_offers_id_idx\` ON \`payload_locked_documents_rels\` (\`offers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_transfers_id_idx\` ON \`payload_locked_documents_rels\` (\`transfers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_holidays_id_idx\` ON \`payload_locked_documents_rels\` (\`holidays_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_tariffs_id_idx\` ON \`payload_locked_documents_rels\` (\`tariffs_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_spend_caps_id_idx\` ON \`payload_locked_documents_rels\` (\`spend_caps_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_accounts_id_idx\` ON \`payload_locked_documents_rels\` (\`accounts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_companies_id_idx\` ON \`payload_locked_documents_rels\` (\`companies_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_users_id_idx\` ON \`payload_locked_documents_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_transactions_id_idx\` ON \`payload_locked_documents_rels\` (\`transactions_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_usage_id_idx\` ON \`payload_locked_documents_rels\` (\`usage_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_consumption_id_idx\` ON \`payload_locked_documents_rels\` (\`consumption_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_notifications_id_idx\` ON \`payload_locked_documents_rels\` (\`notifications_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_spend_alerts_id_idx\` ON \`payload_locked_documents_rels\` (\`spend_alerts_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_webhook_deliveries_id_idx\` ON \`payload_locked_documents_rels\` (\`webhook_deliveries_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_reports_id_idx\` ON \`payload_locked_documents_rels\` (\`reports_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_backups_id_idx\` ON \`payload_locked_documents_rels\` (\`backups_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_restores_id_idx\` ON \`payload_locked_documents_rels\` (\`restores_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_restore_items_id_idx\` ON \`payload_locked_documents_rels\` (\`restore_items_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_operator_prefixes_id_idx\` ON \`payload_locked_documents_rels\` (\`operator_prefixes_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_ported_numbers_id_idx\` ON \`payload_locked_documents_rels\` (\`ported_numbers_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_outbox_id_idx\` ON \`payload_locked_documents_rels\` (\`outbox_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_login_challenges_id_idx\` ON \`payload_locked_documents_rels\` (\`login_challenges_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_locked_documents_rels_password_recoveries_id_idx\` ON \`payload_locked_documents_rels\` (\`password_recoveries_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`key\` text,
  	\`value\` text,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_key_idx\` ON \`payload_preferences\` (\`key\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_updated_at_idx\` ON \`payload_preferences\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_created_at_idx\` ON \`payload_preferences\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_preferences_rels\` (
  	\`id\` integer PRIMARY KEY NOT NULL,
  	\`order\` integer,
  	\`parent_id\` integer NOT NULL,
  	\`path\` text NOT NULL,
  	\`users_id\` integer,
  	FOREIGN KEY (\`parent_id\`) REFERENCES \`payload_preferences\`(\`id\`) ON UPDATE no action ON DELETE cascade,
  	FOREIGN KEY (\`users_id\`) REFERENCES \`users\`(\`id\`) ON UPDATE no action ON DELETE cascade
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_order_idx\` ON \`payload_preferences_rels\` (\`order\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_parent_idx\` ON \`payload_preferences_rels\` (\`parent_id\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_path_idx\` ON \`payload_preferences_rels\` (\`path\`);`)
  await db.run(sql`CREATE INDEX \`payload_preferences_rels_users_id_idx\` ON \`payload_preferences_rels\` (\`users_id\`);`)
  await db.run(sql`CREATE TABLE \`payload_migrations\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`name\` text,
  	\`batch\` numeric,
  	\`updated_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
  	\`created_at\` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL
  );
  `)
  await db.run(sql`CREATE INDEX \`payload_migrations_updated_at_idx\` ON \`payload_migrations\` (\`updated_at\`);`)
  await db.run(sql`CREATE INDEX \`payload_migrations_created_at_idx\` ON \`payload_migrations\` (\`created_at\`);`)
  await db.run(sql`CREATE TABLE \`payload_jobs_stats\` (
  	\`id\` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
  	\`stats\` text,
  	\`updated_at\` text,
  	\`created_at\` text
  );
  `)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.run(sql`DROP TABLE \`lines\`;`)
  await db.run(sql`DROP TABLE \`departments\`;`)
  await db.run(sql`DROP TABLE \`profiles_lists\`;`)
  await db.run(sql`DROP TABLE \`profiles_calendar_days\`;`)
  await db.run(sql`DROP TABLE \`profiles_calendar_windows\`;`)
  await db.run(sql`DROP TABLE \`profiles_limits\`;`)
  await db.run(sql`DROP TABLE \`profiles\`;`)
  await db.run(sql`DROP TABLE \`offers_categories\`;`)
  await db.run(sql`DROP TABLE \`offers\`;`)
  await db.run(sql`DROP TABLE \`transfers\`;`)
  await db.run(sql`DROP TABLE \`holidays\`;`)
  await db.run(sql`DROP TABLE \`tariffs_categories\`;`)
  await db.run(sql`DROP TABLE \`tariffs\`;`)
  await db.run(sql`DROP TABLE \`spend_caps\`;`)
  await db.run(sql`DROP TABLE \`accounts\`;`)
  await db.run(sql`DROP TABLE \`companies\`;`)
  await db.run(sql`DROP TABLE \`users_sessions\`;`)
  await db.run(sql`DROP TABLE \`users\`;`)
  await db.run(sql`DROP TABLE \`users_rels\`;`)
  await db.run(sql`DROP TABLE \`transactions\`;`)
  await db.run(sql`DROP TABLE \`usage\`;`)
  await db.run(sql`DROP TABLE \`consumption\`;`)
  await db.run(sql`DROP TABLE \`notifications\`;`)
  await db.run(sql`DROP TABLE \`spend_alerts\`;`)
  await db.run(sql`DROP TABLE \`webhook_deliveries\`;`)
  await db.run(sql`DROP TABLE \`reports\`;`)
  await db.run(sql`DROP TABLE \`reports_rels\`;`)
  await db.run(sql`DROP TABLE \`backups\`;`)
  await db.run(sql`DROP TABLE \`restores\`;`)
  await db.run(sql`DROP TABLE \`restore_items\`;`)
  await db.run(sql`DROP TABLE \`operator_prefixes\`;`)
  await db.run(sql`DROP TABLE \`ported_numbers\`;`)
  await db.run(sql`DROP TABLE \`outbox\`;`)
  await db.run(sql`DROP TABLE \`login_challenges\`;`)
  await db.run(sql`DROP TABLE \`password_recoveries\`;`)
  await db.run(sql`DROP TABLE \`payload_kv\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_log\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents\`;`)
  await db.run(sql`DROP TABLE \`payload_locked_documents_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences\`;`)
  await db.run(sql`DROP TABLE \`payload_preferences_rels\`;`)
  await db.run(sql`DROP TABLE \`payload_migrations\`;`)
  await db.run(sql`DROP TABLE \`payload_jobs_stats\`;`)
}
