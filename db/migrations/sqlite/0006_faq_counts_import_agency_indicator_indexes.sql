CREATE TABLE `faq_daily_counts` (
	`day` text NOT NULL,
	`channel` text NOT NULL,
	`language` text NOT NULL,
	`asked` integer DEFAULT 0 NOT NULL,
	`answered` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `channel`, `language`)
);
--> statement-breakpoint
ALTER TABLE `imports` ADD `agency` text;--> statement-breakpoint
CREATE INDEX `audit_actor_idx` ON `audit_log` (`actor_kind`,`actor_id`,`id`);--> statement-breakpoint
CREATE INDEX `audit_request_idx` ON `audit_log` (`request_id`);--> statement-breakpoint
CREATE INDEX `drafts_created_idx` ON `drafts` (`created_at`);--> statement-breakpoint
CREATE INDEX `outbox_created_idx` ON `outbox` (`created_at`);--> statement-breakpoint
CREATE INDEX `reminders_next_at_idx` ON `reminders` (`next_at`);