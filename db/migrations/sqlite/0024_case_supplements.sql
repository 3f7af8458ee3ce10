DROP INDEX `submissions_case_id_uq`;--> statement-breakpoint
ALTER TABLE `submissions` ADD `supplement_of` text REFERENCES submissions(id);--> statement-breakpoint
CREATE INDEX `submissions_case_id_idx` ON `submissions` (`case_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_supplement_uq` ON `submissions` (`supplement_of`) WHERE supplement_of is not null and status <> 'cancelled';--> statement-breakpoint
CREATE INDEX `submissions_supplement_of_idx` ON `submissions` (`supplement_of`);--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_case_id_uq` ON `submissions` (`case_id`) WHERE supplement_of is null;