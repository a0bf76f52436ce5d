-- Chat publication state (docs/decisions/024-chat-postgresql-first-then-stream.md): a row is stored first with
-- published = FALSE and marked TRUE once its entry is in the meeting's Redis stream. Rows whose XADD failed
-- (Redis down, hung or restarted) stay FALSE and are published from here, in created_at order, once Redis answers
-- again, by any node, also after a restart. Rows stored before this column existed were delivered already.
-- client_message_id and sender_participant_id travel in the stream entry, so a row can be published from here
-- alone.
ALTER TABLE chat_messages ADD COLUMN IF NOT EXISTS published BOOLEAN NOT NULL DEFAULT TRUE;
ALTER TABLE chat_messages ADD COLUMN IF NOT EXISTS client_message_id VARCHAR(64);
ALTER TABLE chat_messages ADD COLUMN IF NOT EXISTS sender_participant_id UUID;
CREATE INDEX IF NOT EXISTS idx_chat_unpublished ON chat_messages (created_at) WHERE NOT published;
