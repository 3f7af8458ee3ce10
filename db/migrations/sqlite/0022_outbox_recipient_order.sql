DROP INDEX `outbox_claim_idx`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `recipient_key` text;--> statement-breakpoint
CREATE INDEX `outbox_recipient_idx` ON `outbox` (`recipient_key`,`priority`) WHERE status in ('pending', 'sending');--> statement-breakpoint
CREATE INDEX `outbox_claim_idx` ON `outbox` (`status`,`channel`,`priority`,`next_attempt_at`,`recipient_key`);