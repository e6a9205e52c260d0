-- Issue 6: nothing reads outbox_message by case number (the relay reads by state and ordering key, the consumer and
-- ops by idempotency key, metrics and the ops page by state; only tests look a case's rows up, in tables of a few
-- rows), yet every insert paid for this index's entry.
DROP INDEX outbox_message_by_case;
