ALTER TABLE `contests` ADD `verified_polling_stations` integer;--> statement-breakpoint
ALTER TABLE `contests` ADD `verified_postal` integer;--> statement-breakpoint
ALTER TABLE `contests` ADD `verified_at` text;--> statement-breakpoint
ALTER TABLE `contests` ADD `expected_declaration` text;--> statement-breakpoint
ALTER TABLE `elections` ADD `count_starts` text;