PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`contest_id` text,
	`update_id` text,
	`version` integer NOT NULL,
	`channel` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`claimed_by` text,
	`claimed_until` text,
	`remote_id` text,
	`remote_url` text,
	`last_error` text,
	`created_at` text DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) NOT NULL,
	`updated_at` text NOT NULL,
	`body` text,
	`link` text,
	`uncertain` integer DEFAULT false NOT NULL,
	`first_attempt_at` text,
	`remote_meta` text,
	`note` text,
	`approved_by` text,
	`approved_at` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
INSERT INTO `__new_outbox`("id", "contest_id", "update_id", "version", "channel", "status", "attempts", "next_attempt_at", "claimed_by", "claimed_until", "remote_id", "remote_url", "last_error", "created_at", "updated_at", "body", "link", "uncertain", "first_attempt_at", "remote_meta", "note", "approved_by", "approved_at") SELECT "id", "contest_id", "update_id", "version", "channel", "status", "attempts", "next_attempt_at", "claimed_by", "claimed_until", "remote_id", "remote_url", "last_error", "created_at", "updated_at", "body", "link", "uncertain", "first_attempt_at", "remote_meta", "note", "approved_by", "approved_at" FROM `outbox`;--> statement-breakpoint
DROP TABLE `outbox`;--> statement-breakpoint
ALTER TABLE `__new_outbox` RENAME TO `outbox`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_once` ON `outbox` (`contest_id`,`version`,`channel`);--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_update_once` ON `outbox` (`update_id`,`version`,`channel`);--> statement-breakpoint
CREATE INDEX `outbox_due` ON `outbox` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `outbox_channel` ON `outbox` (`channel`,`status`);