CREATE TABLE `import_rejected_rows` (
	`import_id` text NOT NULL,
	`row` integer NOT NULL,
	`values` text DEFAULT '{}' NOT NULL,
	`truncated` text DEFAULT '{}' NOT NULL,
	`problems` text NOT NULL,
	PRIMARY KEY(`import_id`, `row`),
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `imports` ADD `stage` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `problems` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `rejected_not_kept` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `problem_counts` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `file_path` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `lease_holder` text;--> statement-breakpoint
ALTER TABLE `imports` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `imports` ADD `attempts` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE `imports` ADD `legacy_report_bytes` integer;--> statement-breakpoint
CREATE INDEX `imports_running_idx` ON `imports` (`status`) WHERE status = 'running';