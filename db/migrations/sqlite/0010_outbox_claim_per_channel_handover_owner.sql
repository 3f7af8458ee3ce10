DROP INDEX `outbox_due_idx`;--> statement-breakpoint
ALTER TABLE `outbox` ADD `priority` integer DEFAULT 1 NOT NULL;--> statement-breakpoint
CREATE INDEX `outbox_claim_idx` ON `outbox` (`status`,`channel`,`priority`,`next_attempt_at`);--> statement-breakpoint
ALTER TABLE `handover_tickets` ADD `claimed_by` text;--> statement-breakpoint
ALTER TABLE `handover_tickets` ADD `claimed_at` integer;