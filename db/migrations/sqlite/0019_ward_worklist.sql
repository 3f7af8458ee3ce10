CREATE TABLE `worklist_contacts` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`seq` integer NOT NULL,
	`staff_id` text NOT NULL,
	`contacted_at` integer NOT NULL,
	`method` text NOT NULL,
	`outcome` text NOT NULL,
	`note` text,
	`follow_up_on` text,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`staff_id`) REFERENCES `staff_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `worklist_contacts_draft_seq_uq` ON `worklist_contacts` (`draft_id`,`seq`);--> statement-breakpoint
CREATE INDEX `worklist_contacts_staff_idx` ON `worklist_contacts` (`staff_id`);--> statement-breakpoint
CREATE INDEX `drafts_service_status_due_idx` ON `drafts` (`service`,`status`,`due_by`);