-- Users (seed 000 "Users Table"); the seed's inline INDEX clauses become CREATE INDEX statements.
-- Deviation (docs/decisions/010-account-roles.md): a `role` column ('admin' | 'member') carries authorization;
-- account_type keeps the seed's meaning (plan tier, default 'basic').
CREATE TABLE users (
    user_id       UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    email         VARCHAR(255) UNIQUE NOT NULL,
    username      VARCHAR(100) UNIQUE NOT NULL,
    display_name  VARCHAR(200) NOT NULL,
    avatar_url    TEXT,
    timezone      VARCHAR(50) DEFAULT 'UTC',
    language      VARCHAR(10) DEFAULT 'en',
    account_type  VARCHAR(20) DEFAULT 'basic',
    status        VARCHAR(20) DEFAULT 'active',
    created_at    TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at    TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    last_login_at TIMESTAMP WITH TIME ZONE,
    role          VARCHAR(20) NOT NULL DEFAULT 'member' CHECK (role IN ('admin', 'member'))
);
CREATE INDEX idx_users_email ON users (email);
CREATE INDEX idx_users_username ON users (username);
CREATE INDEX idx_users_status ON users (status);
CREATE INDEX idx_users_created_at ON users (created_at);
CREATE INDEX idx_users_role ON users (role);

-- Credentials (seed 004 "user_auth"), kept apart from the profile so a SELECT * on users never reads a hash.
-- password_hash holds the full argon2id PHC string ($argon2id$v=19$m=...,t=...,p=...$salt$hash), which is
-- authoritative; salt repeats the PHC salt only because the seed's column is NOT NULL.
CREATE TABLE user_auth (
    user_id               UUID PRIMARY KEY REFERENCES users (user_id) ON DELETE CASCADE,
    password_hash         VARCHAR(255) NOT NULL,
    salt                  VARCHAR(255) NOT NULL,
    two_factor_enabled    BOOLEAN DEFAULT FALSE,
    two_factor_secret     VARCHAR(255),
    failed_login_attempts INTEGER DEFAULT 0,
    locked_until          TIMESTAMP WITH TIME ZONE,
    password_changed_at   TIMESTAMP WITH TIME ZONE DEFAULT NOW()
);
