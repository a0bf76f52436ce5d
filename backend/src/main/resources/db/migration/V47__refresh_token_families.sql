-- Refresh-token families (docs/decisions/091; RFC 9700 §4.14.2): every token a sign-in starts and all its
-- rotations share family_id. A spent token is kept (used_at set) until it expires, so presenting it again is
-- recognised as reuse and revokes the whole family. Tokens from before this migration each start a family.
ALTER TABLE refresh_tokens ADD COLUMN IF NOT EXISTS family_id UUID;
ALTER TABLE refresh_tokens ADD COLUMN IF NOT EXISTS used_at TIMESTAMP WITH TIME ZONE;
UPDATE refresh_tokens SET family_id = gen_random_uuid() WHERE family_id IS NULL;
ALTER TABLE refresh_tokens ALTER COLUMN family_id SET NOT NULL;
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_family ON refresh_tokens (family_id);
