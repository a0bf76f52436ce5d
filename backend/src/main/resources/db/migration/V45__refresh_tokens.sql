-- Refresh tokens in PostgreSQL (docs/decisions/030-access-and-refresh-tokens.md): a Redis restart (the dev and
-- default Redis keep nothing on disk) must not sign anyone out. Only the SHA-256 of a token is kept, so a dump
-- is not a set of live credentials. A token is spent by DELETE ... RETURNING (atomic: two refreshes with the same
-- token cannot both win).
CREATE TABLE IF NOT EXISTS refresh_tokens (
    token_hash  CHAR(64) PRIMARY KEY,
    user_id     UUID NOT NULL REFERENCES users (user_id) ON DELETE CASCADE,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    expires_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_user ON refresh_tokens (user_id);
CREATE INDEX IF NOT EXISTS idx_refresh_tokens_expires ON refresh_tokens (expires_at);
