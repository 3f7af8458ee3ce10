DROP INDEX `reminders_due_idx`;--> statement-breakpoint
DROP INDEX `reminders_document_idx`;--> statement-breakpoint
DROP INDEX `reminders_birth_event_idx`;--> statement-breakpoint
CREATE INDEX `reminders_planned_idx` ON `reminders` (`next_at`) WHERE status = 'planned';--> statement-breakpoint
CREATE INDEX `reminders_skipped_idx` ON `reminders` (`updated_at`) WHERE status = 'skipped';--> statement-breakpoint
CREATE INDEX `reminders_document_only_idx` ON `reminders` (`document_id`);--> statement-breakpoint
CREATE INDEX `reminders_birth_event_only_idx` ON `reminders` (`birth_event_id`);