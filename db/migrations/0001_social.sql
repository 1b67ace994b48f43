CREATE TABLE `social_channels` (
	`channel` text PRIMARY KEY NOT NULL,
	`paused` integer DEFAULT false NOT NULL,
	`hold_for_approval` integer DEFAULT false NOT NULL,
	`declaration_template` text,
	`correction_template` text,
	`blocked_until` text,
	`updated_at` text NOT NULL,
	`updated_by` text
);
--> statement-breakpoint
ALTER TABLE `outbox` ADD `body` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `link` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `uncertain` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `first_attempt_at` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `remote_meta` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `note` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `approved_by` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `approved_at` text;--> statement-breakpoint
CREATE INDEX `outbox_channel` ON `outbox` (`channel`,`status`);