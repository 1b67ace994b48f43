CREATE TABLE `pending_declarations` (
	`contest_id` text PRIMARY KEY NOT NULL,
	`id` text NOT NULL,
	`version` integer NOT NULL,
	`submission` text NOT NULL,
	`entered_by` text NOT NULL,
	`entered_at` text NOT NULL,
	`second_submission` text,
	`second_by` text,
	`second_at` text,
	FOREIGN KEY (`contest_id`) REFERENCES `contests`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entered_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`second_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pending_declarations_id_unique` ON `pending_declarations` (`id`);--> statement-breakpoint
ALTER TABLE `elections` ADD `second_pair_of_eyes` integer DEFAULT false NOT NULL;