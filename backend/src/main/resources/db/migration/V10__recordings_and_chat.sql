-- Recordings (seed 000 "Recordings Table"), columns, defaults and keys as written; inline INDEX clauses become
-- CREATE INDEX statements.
CREATE TABLE recordings (
    recording_id            UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    meeting_id              UUID NOT NULL REFERENCES meetings (meeting_id),
    recorded_by_user_id     UUID NOT NULL REFERENCES users (user_id),
    title                   VARCHAR(500) NOT NULL,
    description             TEXT,
    file_size_bytes         BIGINT,
    duration_seconds        INTEGER,
    storage_provider        VARCHAR(50) NOT NULL,
    storage_bucket          VARCHAR(200) NOT NULL,
    storage_key             VARCHAR(500) NOT NULL,
    storage_region          VARCHAR(50),
    recording_type          VARCHAR(20) NOT NULL,
    video_quality           VARCHAR(20),
    audio_quality           VARCHAR(20),
    processing_status       VARCHAR(20) DEFAULT 'processing',
    processing_started_at   TIMESTAMP WITH TIME ZONE,
    processing_completed_at TIMESTAMP WITH TIME ZONE,
    processing_error        TEXT,
    visibility              VARCHAR(20) DEFAULT 'private',
    download_enabled        BOOLEAN DEFAULT TRUE,
    password_protected      BOOLEAN DEFAULT FALSE,
    password_hash           VARCHAR(255),
    created_at              TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at              TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    expires_at              TIMESTAMP WITH TIME ZONE
);
CREATE INDEX idx_recordings_meeting ON recordings (meeting_id);
CREATE INDEX idx_recordings_recorded_by ON recordings (recorded_by_user_id);
CREATE INDEX idx_recordings_status ON recordings (processing_status);
CREATE INDEX idx_recordings_created_at ON recordings (created_at);
CREATE INDEX idx_recordings_expires_at ON recordings (expires_at);

-- Chat messages (seed 000 "Chat Messages Table"), hash-partitioned 16 ways as in seed 000 "PostgreSQL
-- Partitioning". The partition key is message_id: a partitioned table's primary key must contain the partition
-- key, and the seed's key is message_id alone (also the target of reply_to_message_id), so hashing by it keeps
-- the seed's keys unchanged and spreads writes evenly (docs/decisions/023-postgresql-partitioning.md).
CREATE TABLE chat_messages (
    message_id          UUID DEFAULT gen_random_uuid(),
    meeting_id          UUID NOT NULL REFERENCES meetings (meeting_id),
    sender_user_id      UUID REFERENCES users (user_id),
    sender_name         VARCHAR(200) NOT NULL,
    message_type        VARCHAR(20) DEFAULT 'text',
    content             TEXT NOT NULL,
    formatted_content   JSONB,
    file_url            TEXT,
    file_name           VARCHAR(500),
    file_size_bytes     INTEGER,
    file_type           VARCHAR(100),
    is_private          BOOLEAN DEFAULT FALSE,
    recipient_user_id   UUID REFERENCES users (user_id),
    reply_to_message_id UUID,
    reactions           JSONB DEFAULT '{}',
    is_deleted          BOOLEAN DEFAULT FALSE,
    deleted_at          TIMESTAMP WITH TIME ZONE,
    deleted_by_user_id  UUID REFERENCES users (user_id),
    created_at          TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at          TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    PRIMARY KEY (message_id)
) PARTITION BY HASH (message_id);
ALTER TABLE chat_messages ADD CONSTRAINT chat_messages_reply_to_message_id_fkey
    FOREIGN KEY (reply_to_message_id) REFERENCES chat_messages (message_id);

DO $$
BEGIN
    FOR i IN 0..15 LOOP
        EXECUTE format('CREATE TABLE chat_messages_%s PARTITION OF chat_messages '
                       'FOR VALUES WITH (MODULUS 16, REMAINDER %s)', i, i);
    END LOOP;
END
$$;

CREATE INDEX idx_chat_meeting ON chat_messages (meeting_id);
CREATE INDEX idx_chat_sender ON chat_messages (sender_user_id);
CREATE INDEX idx_chat_created_at ON chat_messages (created_at);
CREATE INDEX idx_chat_private ON chat_messages (is_private, recipient_user_id);
CREATE INDEX idx_chat_deleted ON chat_messages (is_deleted);
