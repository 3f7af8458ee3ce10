CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer NOT NULL,
	`actor_kind` text NOT NULL,
	`actor_id` text NOT NULL,
	`action` text NOT NULL,
	`target_kind` text,
	`target_id` text,
	`request_id` text,
	`details` text DEFAULT '{}' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_target_idx` ON `audit_log` (`target_kind`,`target_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `birth_events` (
	`id` text PRIMARY KEY NOT NULL,
	`certificate_no` text NOT NULL,
	`payload_hash` text NOT NULL,
	`payload` text NOT NULL,
	`facility_code` text NOT NULL,
	`child_born_at` integer NOT NULL,
	`mother_person_id` text NOT NULL,
	`father_person_id` text,
	`client_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`mother_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`father_person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`client_id`) REFERENCES `machine_clients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `birth_events_certificate_uq` ON `birth_events` (`certificate_no`);--> statement-breakpoint
CREATE TABLE `bot_sessions` (
	`zalo_user_id` text PRIMARY KEY NOT NULL,
	`data` text NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `consents` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`draft_version` integer NOT NULL,
	`zalo_user_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	`content_hash` text NOT NULL,
	`consent_text_version` text NOT NULL,
	`consented_at` integer NOT NULL,
	`voided_at` integer,
	`void_reason` text,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consents_draft_idx` ON `consents` (`draft_id`);--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`service_key` text NOT NULL,
	`document_no` text NOT NULL,
	`holder_kind` text NOT NULL,
	`holder_name` text NOT NULL,
	`holder_id` text,
	`phone` text,
	`issued_on` text,
	`expires_on` text NOT NULL,
	`ward_code` text,
	`address` text,
	`last_import_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `documents_service_no_uq` ON `documents` (`service_key`,`document_no`);--> statement-breakpoint
CREATE INDEX `documents_phone_idx` ON `documents` (`phone`);--> statement-breakpoint
CREATE TABLE `draft_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`draft_id` text NOT NULL,
	`kind` text NOT NULL,
	`at` integer NOT NULL,
	`data` text DEFAULT '{}' NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_events_draft_idx` ON `draft_events` (`draft_id`,`id`);--> statement-breakpoint
CREATE TABLE `draft_parties` (
	`draft_id` text NOT NULL,
	`person_id` text NOT NULL,
	`role` text NOT NULL,
	PRIMARY KEY(`draft_id`, `person_id`),
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `draft_parties_person_idx` ON `draft_parties` (`person_id`);--> statement-breakpoint
CREATE TABLE `drafts` (
	`id` text PRIMARY KEY NOT NULL,
	`service` text NOT NULL,
	`procedure_code` text NOT NULL,
	`birth_event_id` text,
	`version` integer DEFAULT 1 NOT NULL,
	`fields` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_by` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`birth_event_id`) REFERENCES `birth_events`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `drafts_birth_event_uq` ON `drafts` (`birth_event_id`);--> statement-breakpoint
CREATE TABLE `faq_unanswered` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`question` text NOT NULL,
	`question_key` text NOT NULL,
	`language` text NOT NULL,
	`top_score_pct` integer NOT NULL,
	`top_entry_id` text,
	`channel` text NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `faq_unanswered_key_idx` ON `faq_unanswered` (`question_key`);--> statement-breakpoint
CREATE TABLE `handover_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`ticket_id` text NOT NULL,
	`from` text NOT NULL,
	`text` text NOT NULL,
	`at` integer NOT NULL,
	FOREIGN KEY (`ticket_id`) REFERENCES `handover_tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handover_messages_ticket_idx` ON `handover_messages` (`ticket_id`,`id`);--> statement-breakpoint
CREATE TABLE `handover_tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`zalo_user_id` text NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`opened_at` integer NOT NULL,
	`first_response_at` integer,
	`closed_at` integer,
	`closed_by` text,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `handover_user_status_idx` ON `handover_tickets` (`zalo_user_id`,`status`);--> statement-breakpoint
CREATE INDEX `handover_status_idx` ON `handover_tickets` (`status`,`opened_at`);--> statement-breakpoint
CREATE TABLE `imports` (
	`id` text PRIMARY KEY NOT NULL,
	`file_name` text NOT NULL,
	`format` text NOT NULL,
	`imported_by` text NOT NULL,
	`started_at` integer NOT NULL,
	`finished_at` integer,
	`rows` integer DEFAULT 0 NOT NULL,
	`created` integer DEFAULT 0 NOT NULL,
	`updated` integer DEFAULT 0 NOT NULL,
	`unchanged` integer DEFAULT 0 NOT NULL,
	`rejected` integer DEFAULT 0 NOT NULL,
	`report` text DEFAULT '[]' NOT NULL
);
--> statement-breakpoint
CREATE TABLE `inbox` (
	`id` text PRIMARY KEY NOT NULL,
	`source` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`processed_at` integer,
	`attempts` integer DEFAULT 0 NOT NULL,
	`error` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_dedupe_uq` ON `inbox` (`source`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `inbox_unprocessed_idx` ON `inbox` (`processed_at`);--> statement-breakpoint
CREATE TABLE `machine_clients` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`scopes` text NOT NULL,
	`api_key_hash` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`disabled_at` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `machine_clients_key_uq` ON `machine_clients` (`api_key_hash`);--> statement-breakpoint
CREATE TABLE `oa_tokens` (
	`oa_id` text PRIMARY KEY NOT NULL,
	`access_token` text NOT NULL,
	`refresh_token` text NOT NULL,
	`expires_at` integer NOT NULL,
	`locked_by` text,
	`locked_until` integer,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`channel` text NOT NULL,
	`fallback_channels` text DEFAULT '[]' NOT NULL,
	`person_id` text,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`locked_until` integer,
	`last_error` text,
	`provider_ref` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`sent_at` integer,
	`delivered_at` integer,
	`seen_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `persons`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_idempotency_uq` ON `outbox` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_provider_ref_idx` ON `outbox` (`provider_ref`);--> statement-breakpoint
CREATE TABLE `persons` (
	`id` text PRIMARY KEY NOT NULL,
	`national_id` text,
	`full_name` text NOT NULL,
	`name_key` text NOT NULL,
	`date_of_birth` text,
	`sex` text,
	`ethnicity` text,
	`nationality` text,
	`phone` text,
	`residence_ward_code` text,
	`residence_address` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `persons_national_id_uq` ON `persons` (`national_id`);--> statement-breakpoint
CREATE INDEX `persons_phone_idx` ON `persons` (`phone`);--> statement-breakpoint
CREATE TABLE `reminders` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`service_key` text NOT NULL,
	`due_on` text NOT NULL,
	`step` text NOT NULL,
	`next_at` integer NOT NULL,
	`status` text NOT NULL,
	`idempotency_key` text NOT NULL,
	`outbox_id` text,
	`reason` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reminders_idempotency_uq` ON `reminders` (`idempotency_key`);--> statement-breakpoint
CREATE INDEX `reminders_due_idx` ON `reminders` (`status`,`next_at`);--> statement-breakpoint
CREATE INDEX `reminders_document_idx` ON `reminders` (`document_id`,`status`);--> statement-breakpoint
CREATE TABLE `satisfaction_ratings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`zalo_user_id` text NOT NULL,
	`score` integer NOT NULL,
	`comment` text,
	`at` integer NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`zalo_user_id`) REFERENCES `zalo_users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ratings_submission_user_uq` ON `satisfaction_ratings` (`submission_id`,`zalo_user_id`);--> statement-breakpoint
CREATE TABLE `submission_status_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`submission_id` text NOT NULL,
	`status` text NOT NULL,
	`note` text,
	`at` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`submission_id`) REFERENCES `submissions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `submission_history_idx` ON `submission_status_history` (`submission_id`,`id`);--> statement-breakpoint
CREATE TABLE `submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`draft_id` text NOT NULL,
	`consent_id` text NOT NULL,
	`procedure_code` text NOT NULL,
	`status` text NOT NULL,
	`case_id` text,
	`receipt_no` text,
	`result_ref` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`draft_id`) REFERENCES `drafts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`consent_id`) REFERENCES `consents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `submissions_case_id_uq` ON `submissions` (`case_id`);--> statement-breakpoint
CREATE INDEX `submissions_draft_idx` ON `submissions` (`draft_id`);--> statement-breakpoint
CREATE TABLE `wards` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`province_code` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `zalo_users` (
	`id` text PRIMARY KEY NOT NULL,
	`oa_user_id` text,
	`display_name` text,
	`phone` text,
	`phone_linked_at` integer,
	`follower` integer DEFAULT false NOT NULL,
	`last_interaction_at` integer,
	`opted_out_at` integer,
	`language` text DEFAULT 'vi' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `zalo_users_phone_idx` ON `zalo_users` (`phone`);--> statement-breakpoint
CREATE UNIQUE INDEX `zalo_users_oa_user_id_uq` ON `zalo_users` (`oa_user_id`);