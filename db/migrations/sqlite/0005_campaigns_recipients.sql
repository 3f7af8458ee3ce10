CREATE TABLE `campaign_recipients` (
	`campaign_id` text NOT NULL,
	`zalo_user_id` text NOT NULL,
	`status` text NOT NULL,
	`outbox_id` text,
	`created_at` integer NOT NULL,
	PRIMARY KEY(`campaign_id`, `zalo_user_id`),
	FOREIGN KEY (`campaign_id`) REFERENCES `campaigns`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `campaign_recipients_status_idx` ON `campaign_recipients` (`campaign_id`,`status`);--> statement-breakpoint
CREATE INDEX `campaign_recipients_outbox_idx` ON `campaign_recipients` (`outbox_id`);--> statement-breakpoint
CREATE TABLE `campaigns` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`body_vi` text NOT NULL,
	`body_en` text NOT NULL,
	`link_url` text,
	`filters` text DEFAULT '{}' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`scheduled_at` integer,
	`materialised_at` integer,
	`cursor` text,
	`created_by` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`started_at` integer,
	`completed_at` integer,
	`cancelled_at` integer
);
--> statement-breakpoint
CREATE INDEX `campaigns_status_idx` ON `campaigns` (`status`,`scheduled_at`);