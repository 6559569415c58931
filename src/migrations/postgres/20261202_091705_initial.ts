import { MigrateUpArgs, MigrateDownArgs, sql } from '@payloadcms/db-postgres'

export async function up({ db, payload, req }: MigrateUpArgs): Promise<void> {
  await db.execute(sql`
   CREATE TYPE "public"."enum_lines_status" AS ENUM('active', 'suspended', 'blocked', 'cancelled');
  CREATE TYPE "public"."enum_lines_quota_control" AS ENUM('unlimited', 'limited', 'blocked');
  CREATE TYPE "public"."enum_profiles_lists_type" AS ENUM('allowed', 'blocked');
  CREATE TYPE "public"."enum_profiles_lists_usage" AS ENUM('voice', 'sms', 'collect');
  CREATE TYPE "public"."enum_profiles_lists_scope" AS ENUM('national', 'international');
  CREATE TYPE "public"."enum_profiles_calendar_days" AS ENUM('mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun');
  CREATE TYPE "public"."enum_profiles_limits_category" AS ENUM('voice.intragroup.local', 'voice.intragroup.national', 'voice.local.fixed', 'voice.local.claro', 'voice.local.other', 'voice.national.fixed', 'voice.national.claro', 'voice.national.other', 'voice.international.fixed', 'voice.international.mobile', 'voice.collect', 'voice.special', 'sms.claro', 'sms.other', 'sms.special', 'sms.international');
  CREATE TYPE "public"."enum_profiles_limits_control" AS ENUM('blocked', 'unlimited', 'limited');
  CREATE TYPE "public"."enum_offers_categories" AS ENUM('voice.intragroup.local', 'voice.intragroup.national', 'voice.local.fixed', 'voice.local.claro', 'voice.local.other', 'voice.national.fixed', 'voice.national.claro', 'voice.national.other', 'voice.international.fixed', 'voice.international.mobile', 'voice.collect', 'voice.special', 'sms.claro', 'sms.other', 'sms.special', 'sms.international', 'data');
  CREATE TYPE "public"."enum_offers_kind" AS ENUM('individual', 'shared');
  CREATE TYPE "public"."enum_offers_unit" AS ENUM('minutes', 'sms', 'mb');
  CREATE TYPE "public"."enum_holidays_state" AS ENUM('SP', 'RJ', 'ES', 'MG', 'PR', 'SC', 'RS', 'DF', 'GO', 'TO', 'MT', 'MS', 'AC', 'RO', 'BA', 'SE', 'PE', 'AL', 'PB', 'RN', 'CE', 'PI', 'PA', 'AM', 'RR', 'AP', 'MA');
  CREATE TYPE "public"."enum_tariffs_categories_category" AS ENUM('voice.intragroup.local', 'voice.intragroup.national', 'voice.local.fixed', 'voice.local.claro', 'voice.local.other', 'voice.national.fixed', 'voice.national.claro', 'voice.national.other', 'voice.international.fixed', 'voice.international.mobile', 'voice.collect', 'voice.special', 'sms.claro', 'sms.other', 'sms.special', 'sms.international', 'data');
  CREATE TYPE "public"."enum_spend_caps_scope" AS ENUM('line', 'department', 'company');
  CREATE TYPE "public"."enum_spend_caps_control" AS ENUM('notify', 'block');
  CREATE TYPE "public"."enum_companies_status" AS ENUM('active', 'suspended', 'cancelled');
  CREATE TYPE "public"."enum_companies_csp" AS ENUM('12', '14', '15', '21', '31', '41', '43');
  CREATE TYPE "public"."enum_users_role" AS ENUM('support', 'admin', 'subadmin', 'viewer');
  CREATE TYPE "public"."enum_usage_service" AS ENUM('voice', 'sms', 'collect', 'data');
  CREATE TYPE "public"."enum_usage_category" AS ENUM('voice.intragroup.local', 'voice.intragroup.national', 'voice.local.fixed', 'voice.local.claro', 'voice.local.other', 'voice.national.fixed', 'voice.national.claro', 'voice.national.other', 'voice.international.fixed', 'voice.international.mobile', 'voice.collect', 'voice.special', 'sms.claro', 'sms.other', 'sms.special', 'sms.international', 'data');
  CREATE TYPE "public"."enum_notifications_threshold" AS ENUM('60', '80', '100');
  CREATE TYPE "public"."enum_notifications_status" AS ENUM('queued', 'sent', 'failed');
  CREATE TYPE "public"."enum_notifications_channel" AS ENUM('outbox', 'webhook');
  CREATE TYPE "public"."enum_spend_alerts_kind" AS ENUM('threshold', 'forecast', 'spike');
  CREATE TYPE "public"."enum_spend_alerts_subject" AS ENUM('cap', 'franchise', 'pool', 'line');
  CREATE TYPE "public"."enum_spend_alerts_webhook" AS ENUM('none', 'pending', 'delivered', 'failed');
  CREATE TYPE "public"."enum_webhook_deliveries_status" AS ENUM('none', 'pending', 'delivered', 'failed');
  CREATE TYPE "public"."enum_reports_kind" AS ENUM('calls', 'transactions', 'data', 'notifications', 'subscribers', 'restores', 'costs');
  CREATE TYPE "public"."enum_reports_format" AS ENUM('xlsx', 'csv');
  CREATE TYPE "public"."enum_reports_status" AS ENUM('pending', 'done', 'failed');
  CREATE TYPE "public"."enum_backups_category" AS ENUM('subscribers', 'general', 'transfers', 'profiles', 'offers', 'departments', 'users');
  CREATE TYPE "public"."enum_backups_status" AS ENUM('pending', 'running', 'ok', 'partial', 'error');
  CREATE TYPE "public"."enum_restores_category" AS ENUM('subscribers', 'general', 'transfers', 'profiles', 'offers', 'departments', 'users');
  CREATE TYPE "public"."enum_restores_status" AS ENUM('pending', 'running', 'success', 'partial', 'error');
  CREATE TYPE "public"."enum_restore_items_outcome" AS ENUM('applied', 'failed');
  CREATE TYPE "public"."enum_operator_prefixes_operator" AS ENUM('claro', 'vivo', 'tim', 'oi', 'algar', 'sercomtel', 'other');
  CREATE TYPE "public"."enum_ported_numbers_operator" AS ENUM('claro', 'vivo', 'tim', 'oi', 'algar', 'sercomtel', 'other');
  CREATE TYPE "public"."enum_payload_jobs_log_task_slug" AS ENUM('inline', 'generateReport', 'sweepReports', 'purgeRetention', 'restore', 'backup', 'sweepRestores', 'deliverSpendWebhook');
  CREATE TYPE "public"."enum_payload_jobs_log_state" AS ENUM('failed', 'succeeded');
  CREATE TYPE "public"."enum_payload_jobs_task_slug" AS ENUM('inline', 'generateReport', 'sweepReports', 'purgeRetention', 'restore', 'backup', 'sweepRestores', 'deliverSpendWebhook');
  CREATE TABLE "lines" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"msisdn" varchar NOT NULL,
  	"status" "enum_lines_status" DEFAULT 'active',
  	"account_id" integer NOT NULL,
  	"department_id" integer,
  	"profile_id" integer,
  	"iccid" varchar,
  	"imsi" varchar,
  	"extension" varchar,
  	"quota_control" "enum_lines_quota_control" DEFAULT 'unlimited',
  	"quota_amount_m_b" numeric,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "departments" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "profiles_lists" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"type" "enum_profiles_lists_type" NOT NULL,
  	"usage" "enum_profiles_lists_usage" NOT NULL,
  	"scope" "enum_profiles_lists_scope" DEFAULT 'national',
  	"number" varchar NOT NULL
  );
  
  CREATE TABLE "profiles_calendar_days" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_profiles_calendar_days",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "profiles_calendar_windows" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"from" varchar NOT NULL,
  	"to" varchar NOT NULL
  );
  
  CREATE TABLE "profiles_limits" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"category" "enum_profiles_limits_category" NOT NULL,
  	"control" "enum_profiles_limits_control" DEFAULT 'unlimited',
  	"quantity" numeric
  );
  
  CREATE TABLE "profiles" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"calendar_holidays" boolean DEFAULT true,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "offers_categories" (
  	"order" integer NOT NULL,
  	"parent_id" integer NOT NULL,
  	"value" "enum_offers_categories",
  	"id" serial PRIMARY KEY NOT NULL
  );
  
  CREATE TABLE "offers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"offer" varchar NOT NULL,
  	"package" varchar NOT NULL,
  	"kind" "enum_offers_kind" DEFAULT 'individual',
  	"unit" "enum_offers_unit" NOT NULL,
  	"amount" numeric NOT NULL,
  	"account_id" integer NOT NULL,
  	"line_id" integer,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "transfers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"offer_id" integer NOT NULL,
  	"from_line_id" integer NOT NULL,
  	"to_line_id" integer NOT NULL,
  	"amount" numeric NOT NULL,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "holidays" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"date" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"ddd" numeric,
  	"state" "enum_holidays_state",
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "tariffs_categories" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"category" "enum_tariffs_categories_category" NOT NULL,
  	"price" numeric NOT NULL
  );
  
  CREATE TABLE "tariffs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"valid_from" timestamp(3) with time zone NOT NULL,
  	"voice_per_minute" numeric DEFAULT 0 NOT NULL,
  	"first_increment_s" numeric DEFAULT 30 NOT NULL,
  	"next_increment_s" numeric DEFAULT 6 NOT NULL,
  	"sms_per_message" numeric DEFAULT 0 NOT NULL,
  	"data_per_m_b" numeric DEFAULT 0 NOT NULL,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "spend_caps" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"scope" "enum_spend_caps_scope" DEFAULT 'line',
  	"line_id" integer,
  	"department_id" integer,
  	"amount" numeric NOT NULL,
  	"control" "enum_spend_caps_control" DEFAULT 'block',
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "accounts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"number" varchar NOT NULL,
  	"name" varchar,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "companies" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"cnpj" varchar NOT NULL,
  	"name" varchar NOT NULL,
  	"client_number" varchar NOT NULL,
  	"status" "enum_companies_status" DEFAULT 'active',
  	"renewal_day" numeric DEFAULT 1 NOT NULL,
  	"csp" "enum_companies_csp" DEFAULT '21',
  	"interrupt_at_limit" boolean DEFAULT false,
  	"spend_alerts_thresholds" varchar DEFAULT '50, 80, 100',
  	"spend_alerts_webhook_url" varchar,
  	"spend_alerts_webhook_secret" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "users_sessions" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"created_at" timestamp(3) with time zone,
  	"expires_at" timestamp(3) with time zone NOT NULL
  );
  
  CREATE TABLE "users" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"first_name" varchar NOT NULL,
  	"last_name" varchar NOT NULL,
  	"phone" varchar,
  	"role" "enum_users_role" DEFAULT 'viewer',
  	"must_change_password" boolean DEFAULT false,
  	"selected_company_id" integer,
  	"blocked" boolean DEFAULT false,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"enable_a_p_i_key" boolean,
  	"api_key" varchar,
  	"api_key_index" varchar,
  	"email" varchar NOT NULL,
  	"username" varchar NOT NULL,
  	"reset_password_token" varchar,
  	"reset_password_expiration" timestamp(3) with time zone,
  	"salt" varchar,
  	"hash" varchar,
  	"reset_password_requested_at" timestamp(3) with time zone,
  	"login_attempts" numeric DEFAULT 0,
  	"lock_until" timestamp(3) with time zone
  );
  
  CREATE TABLE "users_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"companies_id" integer,
  	"departments_id" integer
  );
  
  CREATE TABLE "transactions" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"at" timestamp(3) with time zone NOT NULL,
  	"role" varchar,
  	"user_id" integer,
  	"user_login" varchar,
  	"event" varchar NOT NULL,
  	"description" varchar,
  	"entity" varchar,
  	"entity_id" varchar,
  	"company_id" integer,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "usage" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"event_id" varchar NOT NULL,
  	"line_id" integer NOT NULL,
  	"msisdn" varchar,
  	"service" "enum_usage_service" NOT NULL,
  	"category" "enum_usage_category" NOT NULL,
  	"destination" varchar,
  	"at" timestamp(3) with time zone NOT NULL,
  	"units" numeric NOT NULL,
  	"cost" numeric DEFAULT 0,
  	"group" varchar,
  	"package" varchar,
  	"cycle" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"company_id" integer NOT NULL
  );
  
  CREATE TABLE "consumption" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"line_id" integer NOT NULL,
  	"cycle" varchar NOT NULL,
  	"key" varchar NOT NULL,
  	"units" numeric DEFAULT 0 NOT NULL,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "notifications" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"line_id" integer NOT NULL,
  	"msisdn" varchar,
  	"offer" varchar,
  	"package" varchar,
  	"package_key" varchar NOT NULL,
  	"threshold" "enum_notifications_threshold" NOT NULL,
  	"cycle" varchar NOT NULL,
  	"message" varchar,
  	"status" "enum_notifications_status" DEFAULT 'queued',
  	"channel" "enum_notifications_channel" DEFAULT 'outbox',
  	"sent_at" timestamp(3) with time zone,
  	"error" varchar,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "spend_alerts" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"kind" "enum_spend_alerts_kind" NOT NULL,
  	"subject" "enum_spend_alerts_subject" NOT NULL,
  	"subject_id" varchar,
  	"subject_name" varchar,
  	"line_id" integer,
  	"department_id" integer,
  	"cycle" varchar,
  	"threshold" numeric,
  	"percent" numeric,
  	"runs_out_at" timestamp(3) with time zone,
  	"message" varchar NOT NULL,
  	"emailed_to" varchar,
  	"webhook" "enum_spend_alerts_webhook" DEFAULT 'none',
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "webhook_deliveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"alert_id" integer NOT NULL,
  	"url" varchar NOT NULL,
  	"status" "enum_webhook_deliveries_status" DEFAULT 'pending',
  	"attempts" numeric DEFAULT 0,
  	"response_status" numeric,
  	"last_error" varchar,
  	"delivered_at" timestamp(3) with time zone,
  	"body" varchar,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reports" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"kind" "enum_reports_kind" NOT NULL,
  	"format" "enum_reports_format" DEFAULT 'xlsx',
  	"params" jsonb,
  	"status" "enum_reports_status" DEFAULT 'pending',
  	"row_count" numeric,
  	"file" varchar,
  	"error" varchar,
  	"attempts" numeric,
  	"heartbeat_at" timestamp(3) with time zone,
  	"finished_at" timestamp(3) with time zone,
  	"job" varchar,
  	"requested_by_id" integer,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "reports_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"departments_id" integer
  );
  
  CREATE TABLE "backups" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar NOT NULL,
  	"category" "enum_backups_category" NOT NULL,
  	"status" "enum_backups_status" DEFAULT 'pending',
  	"item_count" numeric,
  	"failed_count" numeric,
  	"error" varchar,
  	"created_by_id" integer,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "restores" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"backup_id" integer,
  	"backup_name" varchar,
  	"category" "enum_restores_category" NOT NULL,
  	"status" "enum_restores_status" DEFAULT 'pending',
  	"applied_count" numeric DEFAULT 0,
  	"failed_count" numeric DEFAULT 0,
  	"resumes" numeric DEFAULT 0,
  	"finished_at" timestamp(3) with time zone,
  	"requested_by_id" integer,
  	"company_id" integer NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "restore_items" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"restore_id" integer NOT NULL,
  	"company_id" integer NOT NULL,
  	"outcome" "enum_restore_items_outcome" NOT NULL,
  	"kind" varchar,
  	"item_id" varchar,
  	"title" varchar,
  	"action" varchar,
  	"changes" jsonb,
  	"reason" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "operator_prefixes" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"prefix" varchar NOT NULL,
  	"operator" "enum_operator_prefixes_operator" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "ported_numbers" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"msisdn" varchar NOT NULL,
  	"operator" "enum_ported_numbers_operator" NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "outbox" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"to" varchar NOT NULL,
  	"from" varchar,
  	"subject" varchar,
  	"text" varchar,
  	"html" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "login_challenges" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"challenge_hash" varchar NOT NULL,
  	"user_id" integer NOT NULL,
  	"code_hash" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"attempts" numeric DEFAULT 0 NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "password_recoveries" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"user_id" integer NOT NULL,
  	"hash" varchar NOT NULL,
  	"salt" varchar NOT NULL,
  	"expires_at" timestamp(3) with time zone NOT NULL,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_kv" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar NOT NULL,
  	"data" jsonb NOT NULL
  );
  
  CREATE TABLE "payload_jobs_log" (
  	"_order" integer NOT NULL,
  	"_parent_id" integer NOT NULL,
  	"id" varchar PRIMARY KEY NOT NULL,
  	"executed_at" timestamp(3) with time zone NOT NULL,
  	"completed_at" timestamp(3) with time zone NOT NULL,
  	"task_slug" "enum_payload_jobs_log_task_slug" NOT NULL,
  	"task_i_d" varchar NOT NULL,
  	"input" jsonb,
  	"output" jsonb,
  	"state" "enum_payload_jobs_log_state" NOT NULL,
  	"error" jsonb
  );
  
  CREATE TABLE "payload_jobs" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"input" jsonb,
  	"completed_at" timestamp(3) with time zone,
  	"total_tried" numeric DEFAULT 0,
  	"has_error" boolean DEFAULT false,
  	"error" jsonb,
  	"task_slug" "enum_payload_jobs_task_slug",
  	"queue" varchar DEFAULT 'default',
  	"wait_until" timestamp(3) with time zone,
  	"processing" boolean DEFAULT false,
  	"meta" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"global_slug" varchar,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_locked_documents_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"lines_id" integer,
  	"departments_id" integer,
  	"profiles_id" integer,
  	"offers_id" integer,
  	"transfers_id" integer,
  	"holidays_id" integer,
  	"tariffs_id" integer,
  	"spend_caps_id" integer,
  	"accounts_id" integer,
  	"companies_id" integer,
  	"users_id" integer,
  	"transactions_id" integer,
  	"usage_id" integer,
  	"consumption_id" integer,
  	"notifications_id" integer,
  	"spend_alerts_id" integer,
  	"webhook_deliveries_id" integer,
  	"reports_id" integer,
  	"backups_id" integer,
  	"restores_id" integer,
  	"restore_items_id" integer,
  	"operator_prefixes_id" integer,
  	"ported_numbers_id" integer,
  	"outbox_id" integer,
  	"login_challenges_id" integer,
  	"password_recoveries_id" integer
  );
  
  CREATE TABLE "payload_preferences" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"key" varchar,
  	"value" jsonb,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_preferences_rels" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"order" integer,
  	"parent_id" integer NOT NULL,
  	"path" varchar NOT NULL,
  	"users_id" integer
  );
  
  CREATE TABLE "payload_migrations" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"name" varchar,
  	"batch" numeric,
  	"updated_at" timestamp(3) with time zone DEFAULT now() NOT NULL,
  	"created_at" timestamp(3) with time zone DEFAULT now() NOT NULL
  );
  
  CREATE TABLE "payload_jobs_stats" (
  	"id" serial PRIMARY KEY NOT NULL,
  	"stats" jsonb,
  	"updated_at" timestamp(3) with time zone,
  	"created_at" timestamp(3) with time zone
  );
  
  ALTER TABLE "lines" ADD CONSTRAINT "lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lines" ADD CONSTRAINT "lines_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lines" ADD CONSTRAINT "lines_profile_id_profiles_id_fk" FOREIGN KEY ("profile_id") REFERENCES "public"."profiles"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "lines" ADD CONSTRAINT "lines_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "departments" ADD CONSTRAINT "departments_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "profiles_lists" ADD CONSTRAINT "profiles_lists_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "profiles_calendar_days" ADD CONSTRAINT "profiles_calendar_days_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "profiles_calendar_windows" ADD CONSTRAINT "profiles_calendar_windows_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "profiles_limits" ADD CONSTRAINT "profiles_limits_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "profiles" ADD CONSTRAINT "profiles_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "offers_categories" ADD CONSTRAINT "offers_categories_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "offers" ADD CONSTRAINT "offers_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "offers" ADD CONSTRAINT "offers_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "offers" ADD CONSTRAINT "offers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_from_line_id_lines_id_fk" FOREIGN KEY ("from_line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_to_line_id_lines_id_fk" FOREIGN KEY ("to_line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transfers" ADD CONSTRAINT "transfers_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "holidays" ADD CONSTRAINT "holidays_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "tariffs_categories" ADD CONSTRAINT "tariffs_categories_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."tariffs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "tariffs" ADD CONSTRAINT "tariffs_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "spend_caps" ADD CONSTRAINT "spend_caps_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "spend_caps" ADD CONSTRAINT "spend_caps_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "spend_caps" ADD CONSTRAINT "spend_caps_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "accounts" ADD CONSTRAINT "accounts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_sessions" ADD CONSTRAINT "users_sessions_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users" ADD CONSTRAINT "users_selected_company_id_companies_id_fk" FOREIGN KEY ("selected_company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_companies_fk" FOREIGN KEY ("companies_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "users_rels" ADD CONSTRAINT "users_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "transactions" ADD CONSTRAINT "transactions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "transactions" ADD CONSTRAINT "transactions_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage" ADD CONSTRAINT "usage_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "usage" ADD CONSTRAINT "usage_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consumption" ADD CONSTRAINT "consumption_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "consumption" ADD CONSTRAINT "consumption_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "notifications" ADD CONSTRAINT "notifications_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "spend_alerts" ADD CONSTRAINT "spend_alerts_line_id_lines_id_fk" FOREIGN KEY ("line_id") REFERENCES "public"."lines"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "spend_alerts" ADD CONSTRAINT "spend_alerts_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "spend_alerts" ADD CONSTRAINT "spend_alerts_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_alert_id_spend_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."spend_alerts"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports" ADD CONSTRAINT "reports_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "reports_rels" ADD CONSTRAINT "reports_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "backups" ADD CONSTRAINT "backups_created_by_id_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "backups" ADD CONSTRAINT "backups_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "restores" ADD CONSTRAINT "restores_backup_id_backups_id_fk" FOREIGN KEY ("backup_id") REFERENCES "public"."backups"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "restores" ADD CONSTRAINT "restores_requested_by_id_users_id_fk" FOREIGN KEY ("requested_by_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "restores" ADD CONSTRAINT "restores_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "restore_items" ADD CONSTRAINT "restore_items_restore_id_restores_id_fk" FOREIGN KEY ("restore_id") REFERENCES "public"."restores"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "restore_items" ADD CONSTRAINT "restore_items_company_id_companies_id_fk" FOREIGN KEY ("company_id") REFERENCES "public"."companies"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "login_challenges" ADD CONSTRAINT "login_challenges_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "password_recoveries" ADD CONSTRAINT "password_recoveries_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;
  ALTER TABLE "payload_jobs_log" ADD CONSTRAINT "payload_jobs_log_parent_id_fk" FOREIGN KEY ("_parent_id") REFERENCES "public"."payload_jobs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_locked_documents"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_lines_fk" FOREIGN KEY ("lines_id") REFERENCES "public"."lines"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_departments_fk" FOREIGN KEY ("departments_id") REFERENCES "public"."departments"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_profiles_fk" FOREIGN KEY ("profiles_id") REFERENCES "public"."profiles"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_offers_fk" FOREIGN KEY ("offers_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_transfers_fk" FOREIGN KEY ("transfers_id") REFERENCES "public"."transfers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_holidays_fk" FOREIGN KEY ("holidays_id") REFERENCES "public"."holidays"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_tariffs_fk" FOREIGN KEY ("tariffs_id") REFERENCES "public"."tariffs"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_spend_caps_fk" FOREIGN KEY ("spend_caps_id") REFERENCES "public"."spend_caps"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_accounts_fk" FOREIGN KEY ("accounts_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_companies_fk" FOREIGN KEY ("companies_id") REFERENCES "public"."companies"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_transactions_fk" FOREIGN KEY ("transactions_id") REFERENCES "public"."transactions"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_usage_fk" FOREIGN KEY ("usage_id") REFERENCES "public"."usage"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_consumption_fk" FOREIGN KEY ("consumption_id") REFERENCES "public"."consumption"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_notifications_fk" FOREIGN KEY ("notifications_id") REFERENCES "public"."notifications"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_spend_alerts_fk" FOREIGN KEY ("spend_alerts_id") REFERENCES "public"."spend_alerts"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_webhook_deliveries_fk" FOREIGN KEY ("webhook_deliveries_id") REFERENCES "public"."webhook_deliveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_reports_fk" FOREIGN KEY ("reports_id") REFERENCES "public"."reports"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_backups_fk" FOREIGN KEY ("backups_id") REFERENCES "public"."backups"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_restores_fk" FOREIGN KEY ("restores_id") REFERENCES "public"."restores"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_restore_items_fk" FOREIGN KEY ("restore_items_id") REFERENCES "public"."restore_items"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_operator_prefixes_fk" FOREIGN KEY ("operator_prefixes_id") REFERENCES "public"."operator_prefixes"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_ported_numbers_fk" FOREIGN KEY ("ported_numbers_id") REFERENCES "public"."ported_numbers"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_outbox_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_login_challenges_fk" FOREIGN KEY ("login_challenges_id") REFERENCES "public"."login_challenges"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_locked_documents_rels" ADD CONSTRAINT "payload_locked_documents_rels_password_recoveries_fk" FOREIGN KEY ("password_recoveries_id") REFERENCES "public"."password_recoveries"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_parent_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."payload_preferences"("id") ON DELETE cascade ON UPDATE no action;
  ALTER TABLE "payload_preferences_rels" ADD CONSTRAINT "payload_preferences_rels_users_fk" FOREIGN KEY ("users_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;
  CREATE UNIQUE INDEX "lines_msisdn_idx" ON "lines" USING btree ("msisdn");
  CREATE INDEX "lines_status_idx" ON "lines" USING btree ("status");
  CREATE INDEX "lines_account_idx" ON "lines" USING btree ("account_id");
  CREATE INDEX "lines_department_idx" ON "lines" USING btree ("department_id");
  CREATE INDEX "lines_profile_idx" ON "lines" USING btree ("profile_id");
  CREATE UNIQUE INDEX "lines_iccid_idx" ON "lines" USING btree ("iccid");
  CREATE INDEX "lines_company_idx" ON "lines" USING btree ("company_id");
  CREATE INDEX "lines_updated_at_idx" ON "lines" USING btree ("updated_at");
  CREATE INDEX "lines_created_at_idx" ON "lines" USING btree ("created_at");
  CREATE INDEX "departments_updated_at_idx" ON "departments" USING btree ("updated_at");
  CREATE INDEX "departments_created_at_idx" ON "departments" USING btree ("created_at");
  CREATE UNIQUE INDEX "company_name_idx" ON "departments" USING btree ("company_id","name");
  CREATE INDEX "profiles_lists_order_idx" ON "profiles_lists" USING btree ("_order");
  CREATE INDEX "profiles_lists_parent_id_idx" ON "profiles_lists" USING btree ("_parent_id");
  CREATE INDEX "profiles_calendar_days_order_idx" ON "profiles_calendar_days" USING btree ("order");
  CREATE INDEX "profiles_calendar_days_parent_idx" ON "profiles_calendar_days" USING btree ("parent_id");
  CREATE INDEX "profiles_calendar_windows_order_idx" ON "profiles_calendar_windows" USING btree ("_order");
  CREATE INDEX "profiles_calendar_windows_parent_id_idx" ON "profiles_calendar_windows" USING btree ("_parent_id");
  CREATE INDEX "profiles_limits_order_idx" ON "profiles_limits" USING btree ("_order");
  CREATE INDEX "profiles_limits_parent_id_idx" ON "profiles_limits" USING btree ("_parent_id");
  CREATE INDEX "profiles_updated_at_idx" ON "profiles" USING btree ("updated_at");
  CREATE INDEX "profiles_created_at_idx" ON "profiles" USING btree ("created_at");
  CREATE UNIQUE INDEX "company_name_1_idx" ON "profiles" USING btree ("company_id","name");
  CREATE INDEX "offers_categories_order_idx" ON "offers_categories" USING btree ("order");
  CREATE INDEX "offers_categories_parent_idx" ON "offers_categories" USING btree ("parent_id");
  CREATE INDEX "offers_kind_idx" ON "offers" USING btree ("kind");
  CREATE INDEX "offers_account_idx" ON "offers" USING btree ("account_id");
  CREATE INDEX "offers_line_idx" ON "offers" USING btree ("line_id");
  CREATE INDEX "offers_company_idx" ON "offers" USING btree ("company_id");
  CREATE INDEX "offers_updated_at_idx" ON "offers" USING btree ("updated_at");
  CREATE INDEX "offers_created_at_idx" ON "offers" USING btree ("created_at");
  CREATE INDEX "transfers_offer_idx" ON "transfers" USING btree ("offer_id");
  CREATE INDEX "transfers_from_line_idx" ON "transfers" USING btree ("from_line_id");
  CREATE INDEX "transfers_to_line_idx" ON "transfers" USING btree ("to_line_id");
  CREATE INDEX "transfers_company_idx" ON "transfers" USING btree ("company_id");
  CREATE INDEX "transfers_updated_at_idx" ON "transfers" USING btree ("updated_at");
  CREATE INDEX "transfers_created_at_idx" ON "transfers" USING btree ("created_at");
  CREATE INDEX "holidays_date_idx" ON "holidays" USING btree ("date");
  CREATE INDEX "holidays_company_idx" ON "holidays" USING btree ("company_id");
  CREATE INDEX "holidays_updated_at_idx" ON "holidays" USING btree ("updated_at");
  CREATE INDEX "holidays_created_at_idx" ON "holidays" USING btree ("created_at");
  CREATE INDEX "tariffs_categories_order_idx" ON "tariffs_categories" USING btree ("_order");
  CREATE INDEX "tariffs_categories_parent_id_idx" ON "tariffs_categories" USING btree ("_parent_id");
  CREATE INDEX "tariffs_updated_at_idx" ON "tariffs" USING btree ("updated_at");
  CREATE INDEX "tariffs_created_at_idx" ON "tariffs" USING btree ("created_at");
  CREATE UNIQUE INDEX "company_validFrom_idx" ON "tariffs" USING btree ("company_id","valid_from");
  CREATE INDEX "spend_caps_scope_idx" ON "spend_caps" USING btree ("scope");
  CREATE INDEX "spend_caps_line_idx" ON "spend_caps" USING btree ("line_id");
  CREATE INDEX "spend_caps_department_idx" ON "spend_caps" USING btree ("department_id");
  CREATE INDEX "spend_caps_company_idx" ON "spend_caps" USING btree ("company_id");
  CREATE INDEX "spend_caps_updated_at_idx" ON "spend_caps" USING btree ("updated_at");
  CREATE INDEX "spend_caps_created_at_idx" ON "spend_caps" USING btree ("created_at");
  CREATE INDEX "accounts_updated_at_idx" ON "accounts" USING btree ("updated_at");
  CREATE INDEX "accounts_created_at_idx" ON "accounts" USING btree ("created_at");
  CREATE UNIQUE INDEX "company_number_idx" ON "accounts" USING btree ("company_id","number");
  CREATE UNIQUE INDEX "companies_cnpj_idx" ON "companies" USING btree ("cnpj");
  CREATE UNIQUE INDEX "companies_client_number_idx" ON "companies" USING btree ("client_number");
  CREATE INDEX "companies_updated_at_idx" ON "companies" USING btree ("updated_at");
  CREATE INDEX "companies_created_at_idx" ON "companies" USING btree ("created_at");
  CREATE INDEX "users_sessions_order_idx" ON "users_sessions" USING btree ("_order");
  CREATE INDEX "users_sessions_parent_id_idx" ON "users_sessions" USING btree ("_parent_id");
  CREATE INDEX "users_selected_company_idx" ON "users" USING btree ("selected_company_id");
  CREATE INDEX "users_updated_at_idx" ON "users" USING btree ("updated_at");
  CREATE INDEX "users_created_at_idx" ON "users" USING btree ("created_at");
  CREATE UNIQUE INDEX "users_username_idx" ON "users" USING btree ("username");
  CREATE INDEX "users_rels_order_idx" ON "users_rels" USING btree ("order");
  CREATE INDEX "users_rels_parent_idx" ON "users_rels" USING btree ("parent_id");
  CREATE INDEX "users_rels_path_idx" ON "users_rels" USING btree ("path");
  CREATE INDEX "users_rels_companies_id_idx" ON "users_rels" USING btree ("companies_id");
  CREATE INDEX "users_rels_departments_id_idx" ON "users_rels" USING btree ("departments_id");
  CREATE INDEX "transactions_at_idx" ON "transactions" USING btree ("at");
  CREATE INDEX "transactions_user_idx" ON "transactions" USING btree ("user_id");
  CREATE INDEX "transactions_user_login_idx" ON "transactions" USING btree ("user_login");
  CREATE INDEX "transactions_updated_at_idx" ON "transactions" USING btree ("updated_at");
  CREATE INDEX "transactions_created_at_idx" ON "transactions" USING btree ("created_at");
  CREATE INDEX "company_at_idx" ON "transactions" USING btree ("company_id","at");
  CREATE INDEX "usage_msisdn_idx" ON "usage" USING btree ("msisdn");
  CREATE UNIQUE INDEX "company_eventId_idx" ON "usage" USING btree ("company_id","event_id");
  CREATE INDEX "company_at_1_idx" ON "usage" USING btree ("company_id","at");
  CREATE INDEX "line_at_idx" ON "usage" USING btree ("line_id","at");
  CREATE INDEX "consumption_company_idx" ON "consumption" USING btree ("company_id");
  CREATE INDEX "consumption_updated_at_idx" ON "consumption" USING btree ("updated_at");
  CREATE INDEX "consumption_created_at_idx" ON "consumption" USING btree ("created_at");
  CREATE UNIQUE INDEX "line_cycle_key_idx" ON "consumption" USING btree ("line_id","cycle","key");
  CREATE INDEX "notifications_cycle_idx" ON "notifications" USING btree ("cycle");
  CREATE INDEX "notifications_company_idx" ON "notifications" USING btree ("company_id");
  CREATE INDEX "notifications_updated_at_idx" ON "notifications" USING btree ("updated_at");
  CREATE INDEX "notifications_created_at_idx" ON "notifications" USING btree ("created_at");
  CREATE UNIQUE INDEX "line_packageKey_cycle_threshold_idx" ON "notifications" USING btree ("line_id","package_key","cycle","threshold");
  CREATE UNIQUE INDEX "spend_alerts_key_idx" ON "spend_alerts" USING btree ("key");
  CREATE INDEX "spend_alerts_kind_idx" ON "spend_alerts" USING btree ("kind");
  CREATE INDEX "spend_alerts_line_idx" ON "spend_alerts" USING btree ("line_id");
  CREATE INDEX "spend_alerts_department_idx" ON "spend_alerts" USING btree ("department_id");
  CREATE INDEX "spend_alerts_cycle_idx" ON "spend_alerts" USING btree ("cycle");
  CREATE INDEX "spend_alerts_company_idx" ON "spend_alerts" USING btree ("company_id");
  CREATE INDEX "spend_alerts_updated_at_idx" ON "spend_alerts" USING btree ("updated_at");
  CREATE INDEX "spend_alerts_created_at_idx" ON "spend_alerts" USING btree ("created_at");
  CREATE INDEX "webhook_deliveries_alert_idx" ON "webhook_deliveries" USING btree ("alert_id");
  CREATE INDEX "webhook_deliveries_company_idx" ON "webhook_deliveries" USING btree ("company_id");
  CREATE INDEX "webhook_deliveries_updated_at_idx" ON "webhook_deliveries" USING btree ("updated_at");
  CREATE INDEX "webhook_deliveries_created_at_idx" ON "webhook_deliveries" USING btree ("created_at");
  CREATE INDEX "reports_status_idx" ON "reports" USING btree ("status");
  CREATE INDEX "reports_requested_by_idx" ON "reports" USING btree ("requested_by_id");
  CREATE INDEX "reports_company_idx" ON "reports" USING btree ("company_id");
  CREATE INDEX "reports_updated_at_idx" ON "reports" USING btree ("updated_at");
  CREATE INDEX "reports_created_at_idx" ON "reports" USING btree ("created_at");
  CREATE INDEX "reports_rels_order_idx" ON "reports_rels" USING btree ("order");
  CREATE INDEX "reports_rels_parent_idx" ON "reports_rels" USING btree ("parent_id");
  CREATE INDEX "reports_rels_path_idx" ON "reports_rels" USING btree ("path");
  CREATE INDEX "reports_rels_departments_id_idx" ON "reports_rels" USING btree ("departments_id");
  CREATE INDEX "backups_name_idx" ON "backups" USING btree ("name");
  CREATE INDEX "backups_category_idx" ON "backups" USING btree ("category");
  CREATE INDEX "backups_status_idx" ON "backups" USING btree ("status");
  CREATE INDEX "backups_created_by_idx" ON "backups" USING btree ("created_by_id");
  CREATE INDEX "backups_company_idx" ON "backups" USING btree ("company_id");
  CREATE INDEX "backups_updated_at_idx" ON "backups" USING btree ("updated_at");
  CREATE INDEX "backups_created_at_idx" ON "backups" USING btree ("created_at");
  CREATE INDEX "restores_backup_idx" ON "restores" USING btree ("backup_id");
  CREATE INDEX "restores_category_idx" ON "restores" USING btree ("category");
  CREATE INDEX "restores_status_idx" ON "restores" USING btree ("status");
  CREATE INDEX "restores_requested_by_idx" ON "restores" USING btree ("requested_by_id");
  CREATE INDEX "restores_company_idx" ON "restores" USING btree ("company_id");
  CREATE INDEX "restores_updated_at_idx" ON "restores" USING btree ("updated_at");
  CREATE INDEX "restores_created_at_idx" ON "restores" USING btree ("created_at");
  CREATE INDEX "restore_items_company_idx" ON "restore_items" USING btree ("company_id");
  CREATE INDEX "restore_items_updated_at_idx" ON "restore_items" USING btree ("updated_at");
  CREATE INDEX "restore_items_created_at_idx" ON "restore_items" USING btree ("created_at");
  CREATE INDEX "restore_outcome_idx" ON "restore_items" USING btree ("restore_id","outcome");
  CREATE UNIQUE INDEX "operator_prefixes_prefix_idx" ON "operator_prefixes" USING btree ("prefix");
  CREATE INDEX "operator_prefixes_updated_at_idx" ON "operator_prefixes" USING btree ("updated_at");
  CREATE INDEX "operator_prefixes_created_at_idx" ON "operator_prefixes" USING btree ("created_at");
  CREATE UNIQUE INDEX "ported_numbers_msisdn_idx" ON "ported_numbers" USING btree ("msisdn");
  CREATE INDEX "ported_numbers_updated_at_idx" ON "ported_numbers" USING btree ("updated_at");
  CREATE INDEX "ported_numbers_created_at_idx" ON "ported_numbers" USING btree ("created_at");
  CREATE INDEX "outbox_to_idx" ON "outbox" USING btree ("to");
  CREATE INDEX "outbox_updated_at_idx" ON "outbox" USING btree ("updated_at");
  CREATE INDEX "outbox_created_at_idx" ON "outbox" USING btree ("created_at");
  CREATE UNIQUE INDEX "login_challenges_challenge_hash_idx" ON "login_challenges" USING btree ("challenge_hash");
  CREATE INDEX "login_challenges_user_idx" ON "login_challenges" USING btree ("user_id");
  CREATE INDEX "login_challenges_expires_at_idx" ON "login_challenges" USING btree ("expires_at");
  CREATE INDEX "login_challenges_updated_at_idx" ON "login_challenges" USING btree ("updated_at");
  CREATE INDEX "login_challenges_created_at_idx" ON "login_challenges" USING btree ("created_at");
  CREATE INDEX "password_recoveries_user_idx" ON "password_recoveries" USING btree ("user_id");
  CREATE INDEX "password_recoveries_expires_at_idx" ON "password_recoveries" USING btree ("expires_at");
  CREATE INDEX "password_recoveries_updated_at_idx" ON "password_recoveries" USING btree ("updated_at");
  CREATE INDEX "password_recoveries_created_at_idx" ON "password_recoveries" USING btree ("created_at");
  CREATE UNIQUE INDEX "payload_kv_key_idx" ON "payload_kv" USING btree ("key");
  CREATE INDEX "payload_jobs_log_order_idx" ON "payload_jobs_log" USING btree ("_order");
  CREATE INDEX "payload_jobs_log_parent_id_idx" ON "payload_jobs_log" USING btree ("_parent_id");
  CREATE INDEX "payload_jobs_completed_at_idx" ON "payload_jobs" USING btree ("completed_at");
  CREATE INDEX "payload_jobs_total_tried_idx" ON "payload_jobs" USING btree ("total_tried");
  CREATE INDEX "payload_jobs_has_error_idx" ON "payload_jobs" USING btree ("has_error");
  CREATE INDEX "payload_jobs_task_slug_idx" ON "payload_jobs" USING btree ("task_slug");
  CREATE INDEX "payload_jobs_queue_idx" ON "payload_jobs" USING btree ("queue");
  CREATE INDEX "payload_jobs_wait_until_idx" ON "payload_jobs" USING btree ("wait_until");
  CREATE INDEX "payload_jobs_processing_idx" ON "payload_jobs" USING btree ("processing");
  CREATE INDEX "payload_jobs_updated_at_idx" ON "payload_jobs" USING btree ("updated_at");
  CREATE INDEX "payload_jobs_created_at_idx" ON "payload_jobs" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_global_slug_idx" ON "payload_locked_documents" USING btree ("global_slug");
  CREATE INDEX "payload_locked_documents_updated_at_idx" ON "payload_locked_documents" USING btree ("updated_at");
  CREATE INDEX "payload_locked_documents_created_at_idx" ON "payload_locked_documents" USING btree ("created_at");
  CREATE INDEX "payload_locked_documents_rels_order_idx" ON "payload_locked_documents_rels" USING btree ("order");
  CREATE INDEX "payload_locked_documents_rels_parent_idx" ON "payload_locked_documents_rels" USING btree ("parent_id");
  CREATE INDEX "payload_locked_documents_rels_path_idx" ON "payload_locked_documents_rels" USING btree ("path");
  CREATE INDEX "payload_locked_documents_rels_lines_id_idx" ON "payload_locked_documents_rels" USING btree ("lines_id");
  CREATE INDEX "payload_locked_documents_rels_departments_id_idx" ON "payload_locked_documents_rels" USING btree ("departments_id");
  CREATE INDEX "payload_locked_documents_rels_profiles_id_idx" ON "payload_locked_documents_rels" USING btree ("profiles_id");
  CREATE INDEX "payload_locked_documents_rels_offers_id_idx" ON "payload_locked_documents_rels" USING btree ("offers_id");
  CREATE INDEX "payload_locked_documents_rels_transfers_id_idx" ON "payload_locked_documents_rels" USING btree ("transfers_id");
  CREATE INDEX "payload_locked_documents_rels_holidays_id_idx" ON "payload_locked_documents_rels" USING btree ("holidays_id");
  CREATE INDEX "payload_locked_documents_rels_tariffs_id_idx" ON "payload_locked_documents_rels" USING btree ("tariffs_id");
  CREATE INDEX "payload_locked_documents_rels_spend_caps_id_idx" ON "payload_locked_documents_rels" USING btree ("spend_caps_id");
  CREATE INDEX "payload_locked_documents_rels_accounts_id_idx" ON "payload_locked_documents_rels" USING btree ("accounts_id");
  CREATE INDEX "payload_locked_documents_rels_companies_id_idx" ON "payload_locked_documents_rels" USING btree ("companies_id");
  CREATE INDEX "payload_locked_documents_rels_users_id_idx" ON "payload_locked_documents_rels" USING btree ("users_id");
  CREATE INDEX "payload_locked_documents_rels_transactions_id_idx" ON "payload_locked_documents_rels" USING btree ("transactions_id");
  CREATE INDEX "payload_locked_documents_rels_usage_id_idx" ON "payload_locked_documents_rels" USING btree ("usage_id");
  CREATE INDEX "payload_locked_documents_rels_consumption_id_idx" ON "payload_locked_documents_rels" USING btree ("consumption_id");
  CREATE INDEX "payload_locked_documents_rels_notifications_id_idx" ON "payload_locked_documents_rels" USING btree ("notifications_id");
  CREATE INDEX "payload_locked_documents_rels_spend_alerts_id_idx" ON "payload_locked_documents_rels" USING btree ("spend_alerts_id");
  CREATE INDEX "payload_locked_documents_rels_webhook_deliveries_id_idx" ON "payload_locked_documents_rels" USING btree ("webhook_deliveries_id");
  CREATE INDEX "payload_locked_documents_rels_reports_id_idx" ON "payload_locked_documents_rels" USING btree ("reports_id");
  CREATE INDEX "payload_locked_documents_rels_backups_id_idx" ON "payload_locked_documents_rels" USING btree ("backups_id");
  CREATE INDEX "payload_locked_documents_rels_restores_id_idx" ON "payload_locked_documents_rels" USING btree ("restores_id");
  CREATE INDEX "payload_locked_documents_rels_restore_items_id_idx" ON "payload_locked_documents_rels" USING btree ("restore_items_id");
  CREATE INDEX "payload_locked_documents_rels_operator_prefixes_id_idx" ON "payload_locked_documents_rels" USING btree ("operator_prefixes_id");
  CREATE INDEX "payload_locked_documents_rels_ported_numbers_id_idx" ON "payload_locked_documents_rels" USING btree ("ported_numbers_id");
  CREATE INDEX "payload_locked_documents_rels_outbox_id_idx" ON "payload_locked_documents_rels" USING btree ("outbox_id");
  CREATE INDEX "payload_locked_documents_rels_login_challenges_id_idx" ON "payload_locked_documents_rels" USING btree ("login_challenges_id");
  CREATE INDEX "payload_locked_documents_rels_password_recoveries_id_idx" ON "payload_locked_documents_rels" USING btree ("password_recoveries_id");
  CREATE INDEX "payload_preferences_key_idx" ON "payload_preferences" USING btree ("key");
  CREATE INDEX "payload_preferences_updated_at_idx" ON "payload_preferences" USING btree ("updated_at");
  CREATE INDEX "payload_preferences_created_at_idx" ON "payload_preferences" USING btree ("created_at");
  CREATE INDEX "payload_preferences_rels_order_idx" ON "payload_preferences_rels" USING btree ("order");
  CREATE INDEX "payload_preferences_rels_parent_idx" ON "payload_preferences_rels" USING btree ("parent_id");
  CREATE INDEX "payload_preferences_rels_path_idx" ON "payload_preferences_rels" USING btree ("path");
  CREATE INDEX "payload_preferences_rels_users_id_idx" ON "payload_preferences_rels" USING btree ("users_id");
  CREATE INDEX "payload_migrations_updated_at_idx" ON "payload_migrations" USING btree ("updated_at");
  CREATE INDEX "payload_migrations_created_at_idx" ON "payload_migrations" USING btree ("created_at");`)
}

export async function down({ db, payload, req }: MigrateDownArgs): Promise<void> {
  await db.execute(sql`
   DROP TABLE "lines" CASCADE;
  DROP TABLE "departments" CASCADE;
  DROP TABLE "profiles_lists" CASCADE;
  DROP TABLE "profiles_calendar_days" CASCADE;
  DROP TABLE "profiles_calendar_windows" CASCADE;
  DROP TABLE "profiles_limits" CASCADE;
  DROP TABLE "profiles" CASCADE;
  DROP TABLE "offers_categories" CASCADE;
  DROP TABLE "offers" CASCADE;
  DROP TABLE "transfers" CASCADE;
  DROP TABLE "holidays" CASCADE;
  DROP TABLE "tariffs_categories" CASCADE;
  DROP TABLE "tariffs" CASCADE;
  DROP TABLE "spend_caps" CASCADE;
  DROP TABLE "accounts" CASCADE;
  DROP TABLE "companies" CASCADE;
  DROP TABLE "users_sessions" CASCADE;
  DROP TABLE "users" CASCADE;
  DROP TABLE "users_rels" CASCADE;
  DROP TABLE "transactions" CASCADE;
  DROP TABLE "usage" CASCADE;
  DROP TABLE "consumption" CASCADE;
  DROP TABLE "notifications" CASCADE;
  DROP TABLE "spend_alerts" CASCADE;
  DROP TABLE "webhook_deliveries" CASCADE;
  DROP TABLE "reports" CASCADE;
  DROP TABLE "reports_rels" CASCADE;
  DROP TABLE "backups" CASCADE;
  DROP TABLE "restores" CASCADE;
  DROP TABLE "restore_items" CASCADE;
  DROP TABLE "operator_prefixes" CASCADE;
  DROP TABLE "ported_numbers" CASCADE;
  DROP TABLE "outbox" CASCADE;
  DROP TABLE "login_challenges" CASCADE;
  DROP TABLE "password_recoveries" CASCADE;
  DROP TABLE "payload_kv" CASCADE;
  DROP TABLE "payload_jobs_log" CASCADE;
  DROP TABLE "payload_jobs" CASCADE;
  DROP TABLE "payload_locked_documents" CASCADE;
  DROP TABLE "payload_locked_documents_rels" CASCADE;
  DROP TABLE "payload_preferences" CASCADE;
  DROP TABLE "payload_preferences_rels" CASCADE;
  DROP TABLE "payload_migrations" CASCADE;
  DROP TABLE "payload_jobs_stats" CASCADE;
  DROP TYPE "public"."enum_lines_status";
  DROP TYPE "public"."enum_lines_quota_control";
  DROP TYPE "public"."enum_profiles_lists_type";
  DROP TYPE "public"."enum_profiles_lists_usage";
  DROP TYPE "public"."enum_profiles_lists_scope";
  DROP TYPE "public"."enum_profiles_calendar_days";
  DROP TYPE "public"."enum_profiles_limits_category";
  DROP TYPE "public"."enum_profiles_limits_control";
  DROP TYPE "public"."enum_offers_categories";
  DROP TYPE "public"."enum_offers_kind";
  DROP TYPE "public"."enum_offers_unit";
  DROP TYPE "public"."enum_holidays_state";
  DROP TYPE "public"."enum_tariffs_categories_category";
  DROP TYPE "public"."enum_spend_caps_scope";
  DROP TYPE "public"."enum_spend_caps_control";
  DROP TYPE "public"."enum_companies_status";
  DROP TYPE "public"."enum_companies_csp";
  DROP TYPE "public"."enum_users_role";
  DROP TYPE "public"."enum_usage_service";
  DROP TYPE "public"."enum_usage_category";
  DROP TYPE "public"."enum_notifications_threshold";
  DROP TYPE "public"."enum_notifications_status";
  DROP TYPE "public"."enum_notifications_channel";
  DROP TYPE "public"."enum_spend_alerts_kind";
  DROP TYPE "public"."enum_spend_alerts_subject";
  DROP TYPE "public"."enum_spend_alerts_webhook";
  DROP TYPE "public"."enum_webhook_deliveries_status";
  DROP TYPE "public"."enum_reports_kind";
  DROP TYPE "public"."enum_reports_format";
  DROP TYPE "public"."enum_reports_status";
  DROP TYPE "public"."enum_backups_category";
  DROP TYPE "public"."enum_backups_status";
  DROP TYPE "public"."enum_restores_category";
  DROP TYPE "public"."enum_restores_status";
  DROP TYPE "public"."enum_restore_items_outcome";
  DROP TYPE "public"."enum_operator_prefixes_operator";
  DROP TYPE "public"."enum_ported_numbers_operator";
  DROP TYPE "public"."enum_payload_jobs_log_task_slug";
  DROP TYPE "public"."enum_payload_jobs_log_state";
  DROP TYPE "public"."enum_payload_jobs_task_slug";`)
}
