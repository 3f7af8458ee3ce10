ALTER TABLE "drafts" ADD COLUMN "subject_person_id" text;--> statement-breakpoint
ALTER TABLE "drafts" ADD CONSTRAINT "drafts_subject_person_id_persons_id_fk" FOREIGN KEY ("subject_person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "drafts_subject_person_uq" ON "drafts" USING btree ("service","subject_person_id");