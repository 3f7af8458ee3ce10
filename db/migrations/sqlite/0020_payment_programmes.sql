CREATE TABLE `payment_beneficiaries` (
	`id` text PRIMARY KEY NOT NULL,
	`list_id` text NOT NULL,
	`national_id` text NOT NULL,
	`full_name` text NOT NULL,
	`date_of_birth` text,
	`category` text NOT NULL,
	`amount_vnd` integer NOT NULL,
	`account_no` text,
	`bank` text,
	`phone` text,
	`ward_code` text,
	`address` text,
	`last_import_id` text,
	`notice_status` text DEFAULT 'pending' NOT NULL,
	`notice_outbox_id` text,
	`mistake_reported_at` integer,
	`mistake_ticket_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`list_id`) REFERENCES `payment_lists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_beneficiaries_list_person_uq` ON `payment_beneficiaries` (`list_id`,`national_id`);--> statement-breakpoint
CREATE INDEX `payment_beneficiaries_notice_idx` ON `payment_beneficiaries` (`list_id`,`notice_status`);--> statement-breakpoint
CREATE INDEX `payment_beneficiaries_phone_idx` ON `payment_beneficiaries` (`phone`);--> statement-breakpoint
CREATE TABLE `payment_list_imports` (
	`import_id` text PRIMARY KEY NOT NULL,
	`list_id` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`list_id`) REFERENCES `payment_lists`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `payment_lists` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_key` text NOT NULL,
	`payment_date` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`approved_by` text,
	`approved_at` integer,
	`notified_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `payment_lists_programme_date_uq` ON `payment_lists` (`programme_key`,`payment_date`);--> statement-breakpoint
CREATE INDEX `payment_lists_status_idx` ON `payment_lists` (`status`);--> statement-breakpoint
ALTER TABLE `imports` ADD `kind` text DEFAULT 'licences' NOT NULL;