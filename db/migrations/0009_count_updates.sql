CREATE TABLE `count_updates` (
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`election_id` text NOT NULL,
	`contest_id` text,
	`text` text NOT NULL,
	`withdrawn` integer DEFAULT false NOT NULL,
	`user_id` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`id`, `version`),
	FOREIGN KEY (`election_id`) REFERENCES `elections`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `count_updates_election` ON `count_updates` (`election_id`,`created_at`);--> statement-breakpoint
ALTER TABLE `elections` ADD `auto_status_updates` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `outbox` ADD `update_id` text;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_update_once` ON `outbox` (`update_id`,`version`,`channel`);--> statement-breakpoint
ALTER TABLE `social_channels` ADD `post_updates` integer DEFAULT true NOT NULL;