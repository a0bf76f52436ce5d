-- Meetings (seed 000 "Meetings Table"); the seed's inline INDEX clauses become CREATE INDEX statements.
-- Deviations (docs/decisions/011-meeting-join-code-and-time-zone.md):
--   join_code  short human-typeable code (abc-defg-hij) for links and typing, unique
--   time_zone  IANA zone the host scheduled in; the instants stay UTC
-- The seed's month partitioning of meetings is not applied yet (a partitioned table cannot have a UNIQUE
-- join_code without the partition key).
CREATE TABLE meetings (
    meeting_id           UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    host_user_id         UUID NOT NULL REFERENCES users (user_id),
    title                VARCHAR(500) NOT NULL,
    description          TEXT,
    meeting_type         VARCHAR(20) NOT NULL,
    scheduled_start_time TIMESTAMP WITH TIME ZONE,
    scheduled_end_time   TIMESTAMP WITH TIME ZONE,
    actual_start_time    TIMESTAMP WITH TIME ZONE,
    actual_end_time      TIMESTAMP WITH TIME ZONE,
    duration_minutes     INTEGER,
    max_participants     INTEGER DEFAULT 100,
    require_password     BOOLEAN DEFAULT FALSE,
    password_hash        VARCHAR(255),
    waiting_room_enabled BOOLEAN DEFAULT TRUE,
    recording_enabled    BOOLEAN DEFAULT FALSE,
    auto_record          BOOLEAN DEFAULT FALSE,
    allow_screen_share   BOOLEAN DEFAULT TRUE,
    allow_chat           BOOLEAN DEFAULT TRUE,
    allow_reactions      BOOLEAN DEFAULT TRUE,
    mute_on_entry        BOOLEAN DEFAULT FALSE,
    status               VARCHAR(20) DEFAULT 'scheduled',
    created_at           TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at           TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    join_code            VARCHAR(16) NOT NULL UNIQUE,
    time_zone            VARCHAR(50) NOT NULL DEFAULT 'UTC'
);
CREATE INDEX idx_meetings_host ON meetings (host_user_id);
CREATE INDEX idx_meetings_status ON meetings (status);
CREATE INDEX idx_meetings_scheduled_start ON meetings (scheduled_start_time);
CREATE INDEX idx_meetings_created_at ON meetings (created_at);

-- Meeting participants (seed 000 "Meeting Participants Table"), columns and defaults as written.
CREATE TABLE meeting_participants (
    participant_id    UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    meeting_id        UUID NOT NULL REFERENCES meetings (meeting_id),
    user_id           UUID REFERENCES users (user_id),
    display_name      VARCHAR(200) NOT NULL,
    email             VARCHAR(255),
    role              VARCHAR(20) DEFAULT 'participant',
    joined_at         TIMESTAMP WITH TIME ZONE,
    left_at           TIMESTAMP WITH TIME ZONE,
    duration_minutes  INTEGER,
    is_muted          BOOLEAN DEFAULT FALSE,
    is_video_on       BOOLEAN DEFAULT TRUE,
    is_screen_sharing BOOLEAN DEFAULT FALSE,
    is_hand_raised    BOOLEAN DEFAULT FALSE,
    connection_id     VARCHAR(100),
    ip_address        INET,
    user_agent        TEXT,
    status            VARCHAR(20) DEFAULT 'invited',
    created_at        TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    updated_at        TIMESTAMP WITH TIME ZONE DEFAULT NOW(),
    UNIQUE (meeting_id, user_id, joined_at)
);
CREATE INDEX idx_participants_meeting ON meeting_participants (meeting_id);
CREATE INDEX idx_participants_user ON meeting_participants (user_id);
CREATE INDEX idx_participants_status ON meeting_participants (status);
CREATE INDEX idx_participants_joined_at ON meeting_participants (joined_at);
