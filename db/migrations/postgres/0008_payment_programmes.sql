CREATE TABLE "payment_beneficiaries" (
	"id" text PRIMARY KEY NOT NULL,
	"list_id" text NOT NULL,
	"national_id" text NOT NULL,
	"full_name" text NOT NULL,
	"date_of_birth" text,
	"category" text NOT NULL,
	"amount_vnd" integer NOT NULL,
	"account_no" text,
	"bank" text,
	"phone" text,
	"ward_code" text,
	"address" text,
	"last_import_id" text,
	"notice_status" text DEFAULT 'pending' NOT NULL,
	"notice_outbox_id" text,
	"mistake_reported_at" timestamp (3) with time zone,
	"mistake_ticket_id" text,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_list_imports" (
	"import_id" text PRIMARY KEY NOT NULL,
	"list_id" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "payment_lists" (
	"id" text PRIMARY KEY NOT NULL,
	"programme_key" text NOT NULL,
	"payment_date" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_by" text NOT NULL,
	"created_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone NOT NULL,
	"approved_by" text,
	"approved_at" timestamp (3) with time zone,
	"notified_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "imports" ADD COLUMN "kind" text DEFAULT 'licences' NOT NULL;--> statement-breakpoint
ALTER TABLE "payment_beneficiaries" ADD CONSTRAINT "payment_beneficiaries_list_id_payment_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."payment_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_list_imports" ADD CONSTRAINT "payment_list_imports_import_id_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "payment_list_imports" ADD CONSTRAINT "payment_list_imports_list_id_payment_lists_id_fk" FOREIGN KEY ("list_id") REFERENCES "public"."payment_lists"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "payment_beneficiaries_list_person_uq" ON "payment_beneficiaries" USING btree ("list_id","national_id");--> statement-breakpoint
CREATE INDEX "payment_beneficiaries_notice_idx" ON "payment_beneficiaries" USING btree ("list_id","notice_status");--> statement-breakpoint
CREATE INDEX "payment_beneficiaries_phone_idx" ON "payment_beneficiaries" USING btree ("phone");--> statement-breakpoint
CREATE UNIQUE INDEX "payment_lists_programme_date_uq" ON "payment_lists" USING btree ("programme_key","payment_date");--> statement-breakpoint
CREATE INDEX "payment_lists_status_idx" ON "payment_lists" USING btree ("status");