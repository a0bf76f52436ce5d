-- Per-track files of a recording (not in seed 000; docs/decisions/050-recording-per-track-webm.md): one row per
-- WebM file, i.e. one segment of one published track, placed on the recording's timeline by its offsets.
CREATE TABLE IF NOT EXISTS recording_tracks (
    recording_track_id UUID PRIMARY KEY DEFAULT gen_random_uuid(),
    recording_id       UUID NOT NULL REFERENCES recordings (recording_id) ON DELETE CASCADE,
    participant_id     UUID NOT NULL REFERENCES meeting_participants (participant_id),
    track_id           VARCHAR(200) NOT NULL,
    kind               VARCHAR(10) NOT NULL CHECK (kind IN ('audio', 'video')),
    source             VARCHAR(20) NOT NULL CHECK (source IN ('camera', 'microphone', 'screen')),
    segment            INTEGER NOT NULL CHECK (segment >= 1),
    codec              VARCHAR(20) NOT NULL,
    start_offset_ms    BIGINT NOT NULL CHECK (start_offset_ms >= 0),
    end_offset_ms      BIGINT NOT NULL CHECK (end_offset_ms >= start_offset_ms),
    frame_count        BIGINT NOT NULL,
    file_size_bytes    BIGINT NOT NULL,
    storage_key        VARCHAR(500) NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW()
);
CREATE INDEX IF NOT EXISTS idx_recording_tracks_recording ON recording_tracks (recording_id);
