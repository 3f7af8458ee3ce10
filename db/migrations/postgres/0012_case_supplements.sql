DROP INDEX "submissions_case_id_uq";--> statement-breakpoint
ALTER TABLE "submissions" ADD COLUMN "supplement_of" text;--> statement-breakpoint
ALTER TABLE "submissions" ADD CONSTRAINT "submissions_supplement_of_submissions_id_fk" FOREIGN KEY ("supplement_of") REFERENCES "public"."submissions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "submissions_case_id_idx" ON "submissions" USING btree ("case_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_supplement_uq" ON "submissions" USING btree ("supplement_of") WHERE supplement_of is not null and status <> 'cancelled';--> statement-breakpoint
CREATE INDEX "submissions_supplement_of_idx" ON "submissions" USING btree ("supplement_of");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_case_id_uq" ON "submissions" USING btree ("case_id") WHERE supplement_of is null;