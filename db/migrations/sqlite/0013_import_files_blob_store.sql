CREATE TABLE `attachment_blobs` (
	`key` text PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `import_files` (
	`import_id` text PRIMARY KEY NOT NULL,
	`content` blob NOT NULL,
	`bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	FOREIGN KEY (`import_id`) REFERENCES `imports`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_draft_attachments` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`key` text NOT NULL,
	`file_name` text NOT NULL,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`sha256` text NOT NULL,
	`content` blob,
	`zalo_user_id` text NOT NULL,
	`uploaded_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_draft_attachments`("id", "draft_id", "key", "file_name", "media_type", "size", "sha256", "content", "zalo_user_id", "uploaded_at") SELECT "id", "draft_id", "key", "file_name", "media_type", "size", "sha256", "content", "zalo_user_id", "uploaded_at" FROM `draft_attachments`;--> statement-breakpoint
DROP TABLE `draft_attachments`;--> statement-breakpoint
ALTER TABLE `__new_draft_attachments` RENAME TO `draft_attachments`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `draft_attachments_key_uq` ON `draft_attachments` (`draft_id`,`key`);--> statement-breakpoint
CREATE INDEX `draft_attachments_user_idx` ON `draft_attachments` (`zalo_user_id`);