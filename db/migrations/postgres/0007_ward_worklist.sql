CREATE TABLE "worklist_contacts" (
	"id" text PRIMARY KEY NOT NULL,
	"draft_id" text NOT NULL,
	"seq" integer NOT NULL,
	"staff_id" text NOT NULL,
	"contacted_at" timestamp (3) with time zone NOT NULL,
	"method" text NOT NULL,
	"outcome" text NOT NULL,
	"note" text,
	"follow_up_on" text,
	"recorded_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "worklist_contacts" ADD CONSTRAINT "worklist_contacts_draft_id_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."drafts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "worklist_contacts" ADD CONSTRAINT "worklist_contacts_staff_id_staff_users_id_fk" FOREIGN KEY ("staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "worklist_contacts_draft_seq_uq" ON "worklist_contacts" USING btree ("draft_id","seq");--> statement-breakpoint
CREATE INDEX "worklist_contacts_staff_idx" ON "worklist_contacts" USING btree ("staff_id");--> statement-breakpoint
CREATE INDEX "drafts_service_status_due_idx" ON "drafts" USING btree ("service","status","due_by");