CREATE TABLE `leases` (
	`name` text PRIMARY KEY NOT NULL,
	`holder` text NOT NULL,
	`expires_at` integer NOT NULL,
	`acquired_at` integer NOT NULL
);
--> statement-breakpoint
DROP INDEX `submissions_consent_idx`;--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_consent_uq` ON `submissions` (`consent_id`);--> statement-breakpoint
ALTER TABLE `inbox` ADD `locked_until` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `consents_active_version_uq` ON `consents` (`draft_id`,`draft_version`) WHERE voided_at is null;