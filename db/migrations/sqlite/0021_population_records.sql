CREATE TABLE `population_batches` (
	`client_id` text NOT NULL,
	`batch_id` text NOT NULL,
	`result` text NOT NULL,
	`received_at` integer NOT NULL,
	PRIMARY KEY(`client_id`, `batch_id`),
	FOREIGN KEY (`client_id`) REFERENCES `machine_clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `population_records` (
	`person_id` text PRIMARY KEY NOT NULL,
	`national_id` text NOT NULL,
	`record` text NOT NULL,
	`record_updated_at` integer NOT NULL,
	`deceased` integer DEFAULT false NOT NULL,
	`batch_id` text NOT NULL,
	`client_id` text NOT NULL,
	`received_at` integer NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `machine_clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `population_records_national_id_uq` ON `population_records` (`national_id`);--> statement-breakpoint
ALTER TABLE `persons` ADD `facts_source` text;--> statement-breakpoint
ALTER TABLE `persons` ADD `facts_source_ref` text;--> statement-breakpoint
ALTER TABLE `reminders` ADD `person_id` text REFERENCES persons(id);--> statement-breakpoint
CREATE INDEX `reminders_person_only_idx` ON `reminders` (`person_id`);--> statement-breakpoint
CREATE INDEX `death_events_deceased_idx` ON `death_events` (`deceased_person_id`);