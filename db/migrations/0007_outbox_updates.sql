ALTER TABLE `outbox` ADD `update_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_update_once` ON `outbox` (`update_id`,`version`,`channel`);--> statement-breakpoint
ALTER TABLE `social_channels` ADD `post_updates` integer DEFAULT true NOT NULL;