-- Open participant rows (joined, no left_at) are what the meeting lifecycle reaper looks for on every run
-- (docs/decisions/042-meeting-lifecycle-and-reaper.md); a partial index keeps that a small scan.
CREATE INDEX IF NOT EXISTS idx_participants_open ON meeting_participants (joined_at)
    WHERE status = 'joined' AND left_at IS NULL;
