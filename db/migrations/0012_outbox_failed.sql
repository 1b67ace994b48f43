-- The outbox state "dead" is called "failed", as the admin's screens always said: rows that
-- gave up keep everything but the state's name.
UPDATE `outbox` SET `status` = 'failed' WHERE `status` = 'dead';
