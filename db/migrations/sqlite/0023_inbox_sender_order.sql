ALTER TABLE `inbox` ADD `sender_key` text;--> statement-breakpoint
CREATE INDEX `inbox_sender_idx` ON `inbox` (`sender_key`) WHERE processed_at is null;