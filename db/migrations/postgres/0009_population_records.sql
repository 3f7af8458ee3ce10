CREATE TABLE "population_batches" (
	"client_id" text NOT NULL,
	"batch_id" text NOT NULL,
	"result" jsonb NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL,
	CONSTRAINT "population_batches_client_id_batch_id_pk" PRIMARY KEY("client_id","batch_id")
);
--> statement-breakpoint
CREATE TABLE "population_records" (
	"person_id" text PRIMARY KEY NOT NULL,
	"national_id" text NOT NULL,
	"record" jsonb NOT NULL,
	"record_updated_at" timestamp (3) with time zone NOT NULL,
	"deceased" boolean DEFAULT false NOT NULL,
	"batch_id" text NOT NULL,
	"client_id" text NOT NULL,
	"received_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "facts_source" text;--> statement-breakpoint
ALTER TABLE "persons" ADD COLUMN "facts_source_ref" text;--> statement-breakpoint
ALTER TABLE "reminders" ADD COLUMN "person_id" text;--> statement-breakpoint
ALTER TABLE "population_batches" ADD CONSTRAINT "population_batches_client_id_machine_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."machine_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_records" ADD CONSTRAINT "population_records_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "population_records" ADD CONSTRAINT "population_records_client_id_machine_clients_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."machine_clients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "population_records_national_id_uq" ON "population_records" USING btree ("national_id");--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_person_id_persons_id_fk" FOREIGN KEY ("person_id") REFERENCES "public"."persons"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "death_events_deceased_idx" ON "death_events" USING btree ("deceased_person_id");--> statement-breakpoint
CREATE INDEX "reminders_person_only_idx" ON "reminders" USING btree ("person_id");