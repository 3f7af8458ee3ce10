PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`service` text NOT NULL,
	`procedure_code` text,
	`birth_event_id` text,
	`death_event_id` text,
	`document_id` text,
	`document_expires_on` text,
	`version` integer DEFAULT 1 NOT NULL,
	`fields` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`birth_event_id`) REFERENCES `birth_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`death_event_id`) REFERENCES `death_events`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_drafts`("id", "service", "procedure_code", "birth_event_id", "death_event_id", "document_id", "document_expires_on", "version", "fields", "status", "due_by", "created_at", "updated_at") SELECT "id", "service", "procedure_code", "birth_event_id", "death_event_id", "document_id", "document_expires_on", "version", "fields", "status", "due_by", "created_at", "updated_at" FROM `drafts`;--> statement-breakpoint
DROP TABLE `drafts`;--> statement-breakpoint
ALTER TABLE `__new_drafts` RENAME TO `drafts`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_birth_event_uq` ON `drafts` (`birth_event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_death_event_uq` ON `drafts` (`death_event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_document_expiry_uq` ON `drafts` (`document_id`,`document_expires_on`);--> statement-breakpoint
CREATE INDEX `drafts_created_idx` ON `drafts` (`created_at`);