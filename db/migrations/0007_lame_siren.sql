ALTER TABLE `zalo_users` ADD `contact_phone` text;--> statement-breakpoint
ALTER TABLE `zalo_users` ADD `contact_phone_at` integer;--> statement-breakpoint
CREATE INDEX `zalo_users_contact_phone_idx` ON `zalo_users` (`contact_phone`);