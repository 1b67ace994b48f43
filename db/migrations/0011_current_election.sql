ALTER TABLE `elections` ADD `is_current` integer DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX `elections_one_current` ON `elections` (`is_current`) WHERE is_current = 1;