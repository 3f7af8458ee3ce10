CREATE TABLE `login_throttle` (
	`scope` text NOT NULL,
	`username` text NOT NULL,
	`client` text NOT NULL,
	`window_start` integer NOT NULL,
	`failures` integer NOT NULL,
	`blocked_until` integer,
	PRIMARY KEY(`scope`, `username`, `client`)
);
--> statement-breakpoint
CREATE INDEX `login_throttle_window_idx` ON `login_throttle` (`window_start`);--> statement-breakpoint
ALTER TABLE `staff_sessions` ADD `client_key` text;--> statement-breakpoint
ALTER TABLE `zalo_users` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `zalo_users` ADD `contact_phone_at` integer;--> statement-breakpoint
CREATE INDEX `zalo_users_contact_phone_idx` ON `zalo_users` (`contact_phone`);--> statement-breakpoint
CREATE INDEX `birth_events_mother_idx` ON `birth_events` (`mother_person_id`);--> statement-breakpoint
CREATE INDEX `birth_events_father_idx` ON `birth_events` (`father_person_id`);--> statement-breakpoint
CREATE INDEX `campaign_recipients_user_idx` ON `campaign_recipients` (`zalo_user_id`);--> statement-breakpoint
CREATE INDEX `consents_user_idx` ON `consents` (`zalo_user_id`,`consented_at`);--> statement-breakpoint
CREATE INDEX `documents_holder_id_idx` ON `documents` (`holder_id`);--> statement-breakpoint
CREATE INDEX `draft_attachments_user_idx` ON `draft_attachments` (`zalo_user_id`);--> statement-breakpoint
CREATE INDEX `ratings_user_idx` ON `satisfaction_ratings` (`zalo_user_id`);--> statement-breakpoint
CREATE INDEX `submissions_consent_idx` ON `submissions` (`consent_id`);--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `failed_logins`;--> statement-breakpoint
ALTER TABLE `staff_users` DROP COLUMN `locked_until`;