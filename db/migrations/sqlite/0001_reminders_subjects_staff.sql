CREATE TABLE `staff_sessions` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`staff_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `staff_sessions_staff_idx` ON `staff_sessions` (`staff_id`);--> statement-breakpoint
CREATE TABLE `staff_users` (
	`id` text PRIMARY KEY NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`agency` text,
	`ward_code` text,
	`failed_logins` integer DEFAULT 0 NOT NULL,
	`locked_until` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `staff_users_username_uq` ON `staff_users` (`username`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`subject` text DEFAULT 'document' NOT NULL,
	`document_id` text,
	`birth_event_id` text,
	`dose_key` text,
	`service_key` text NOT NULL,
	`due_on` text NOT NULL,
	`step` text NOT NULL,
	`next_at` integer NOT NULL,
	`status` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`outbox_id` text,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`birth_event_id`) REFERENCES `birth_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_reminders`("id", "subject", "document_id", "service_key", "due_on", "step", "next_at", "status", "idempotency_key", "outbox_id", "reason", "created_at", "updated_at") SELECT "id", 'document', "document_id", "service_key", "due_on", "step", "next_at", "status", "idempotency_key", "outbox_id", "reason", "created_at", "updated_at" FROM `reminders`;--> statement-breakpoint
DROP TABLE `reminders`;--> statement-breakpoint
ALTER TABLE `__new_reminders` RENAME TO `reminders`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_idempotency_uq` ON `reminders` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `reminders_due_idx` ON `reminders` (`status`,`next_at`);--> statement-breakpoint
CREATE INDEX `reminders_document_idx` ON `reminders` (`document_id`,`status`);--> statement-breakpoint
CREATE INDEX `reminders_birth_event_idx` ON `reminders` (`birth_event_id`,`status`);--> statement-breakpoint
ALTER TABLE `imports` ADD `status` text DEFAULT 'running' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `error` text;--> statement-breakpoint
UPDATE `imports` SET `status` = CASE WHEN `finished_at` IS NULL THEN 'failed' ELSE 'finished' END;
