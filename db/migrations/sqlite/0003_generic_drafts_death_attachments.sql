CREATE TABLE `death_events` (
	`id` text PRIMARY KEY NOT NULL,
	`notice_no` text NOT NULL,
	`payload_hash` text NOT NULL,
	`payload` text NOT NULL,
	`facility_code` text NOT NULL,
	`died_at` integer NOT NULL,
	`deceased_person_id` text NOT NULL,
	`informant_person_id` text NOT NULL,
	`client_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`deceased_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`informant_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `machine_clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `death_events_notice_uq` ON `death_events` (`notice_no`);--> statement-breakpoint
CREATE TABLE `draft_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`key` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob NOT NULL,
	`zalo_user_id` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `draft_attachments_key_uq` ON `draft_attachments` (`draft_id`,`key`);--> statement-breakpoint
ALTER TABLE `drafts` ADD `death_event_id` text REFERENCES death_events(id);--> statement-breakpoint
ALTER TABLE `drafts` ADD `document_id` text REFERENCES documents(id);--> statement-breakpoint
ALTER TABLE `drafts` ADD `document_expires_on` text;--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_death_event_uq` ON `drafts` (`death_event_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_document_expiry_uq` ON `drafts` (`document_id`,`document_expires_on`);--> statement-breakpoint
ALTER TABLE `zalo_users` ADD `notification_prefs` text DEFAULT '{}' NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_person_idx` ON `outbox` (`person_id`);--> statement-breakpoint
-- Drafts now name their catalogue service (kebab-case key), so every level-2/3 service shares one model.
UPDATE `drafts` SET `service` = 'birth-registration' WHERE `service` = 'birth_registration';
