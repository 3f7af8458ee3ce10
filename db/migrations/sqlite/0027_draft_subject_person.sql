ALTER TABLE `drafts` ADD `subject_person_id` text REFERENCES persons(id);--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_subject_person_uq` ON `drafts` (`service`,`subject_person_id`);