CREATE TABLE `channel_budget` (
	`channel` text NOT NULL,
	`period` text NOT NULL,
	`used` integer DEFAULT 0 NOT NULL,
	`cap` integer NOT NULL,
	`granted` integer DEFAULT 0 NOT NULL,
	`expires_at` integer NOT NULL,
	PRIMARY KEY(`channel`, `period`)
);
--> statement-breakpoint
CREATE INDEX `channel_budget_expires_idx` ON `channel_budget` (`expires_at`);