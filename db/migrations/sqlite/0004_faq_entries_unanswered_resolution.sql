CREATE TABLE `faq_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`question_vi` text NOT NULL,
	`question_en` text NOT NULL,
	`alternatives` text NOT NULL,
	`answer_vi` text NOT NULL,
	`answer_en` text NOT NULL,
	`source_title` text NOT NULL,
	`source_ref` text NOT NULL,
	`service` text,
	`origin` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` integer NOT NULL,
	`updated_by` text,
	`retired_at` integer
);
--> statement-breakpoint
ALTER TABLE `faq_unanswered` ADD `resolved_entry_id` text;--> statement-breakpoint
ALTER TABLE `faq_unanswered` ADD `resolved_at` integer;--> statement-breakpoint
CREATE INDEX `faq_unanswered_open_idx` ON `faq_unanswered` (`resolved_at`,`question_key`);