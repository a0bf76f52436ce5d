-- Recordings (seed 000 "Recordings Table"), columns and defaults exactly as written, so this migration and the
-- data-platform branch's copy of the same table merge: whichever runs first creates it, the other is a no-op.
-- The seed's inline INDEX clauses become CREATE INDEX IF NOT EXISTS statements with the seed's names.
-- processing_status values (docs/decisions/050-recording-per-track-webm.md):
--   recording (live capture running), processing (composition running), ready, failed
-- visibility values: private (host, recorder, admins), participants (also the meeting's participants), public
-- (any signed-in user).
CREATE TABLE IF NOT EXISTS recordings (
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
CREATE INDEX IF NOT EXISTS idx_recordings_meeting ON recordings (meeting_id);
CREATE INDEX IF NOT EXISTS idx_recordings_recorded_by ON recordings (recorded_by_user_id);
CREATE INDEX IF NOT EXISTS idx_recordings_status ON recordings (processing_status);
CREATE INDEX IF NOT EXISTS idx_recordings_created_at ON recordings (created_at);
CREATE INDEX IF NOT EXISTS idx_recordings_expires_at ON recordings (expires_at);
