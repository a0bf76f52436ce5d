-- Issue 5: recurring meetings and invitations.
--
-- A recurring meeting is one `meetings` row (meeting_type 'recurring') whose recurrence_rule holds an RFC 5545
-- RRULE value; scheduled_start_time/scheduled_end_time are the first occurrence (DTSTART and its duration) and
-- time_zone is the zone the rule is evaluated in, so 09:00 stays 09:00 local time across DST changes.
-- Cancelled single occurrences are kept as exceptions (RFC 5545 EXDATE), keyed by their original start.
ALTER TABLE meetings ADD COLUMN recurrence_rule VARCHAR(500);

CREATE TABLE meeting_occurrence_cancellations (
    meeting_id       UUID NOT NULL REFERENCES meetings (meeting_id),
    occurrence_start TIMESTAMP WITH TIME ZONE NOT NULL,
    cancelled_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT NOW(),
    cancelled_by     UUID REFERENCES users (user_id),
    PRIMARY KEY (meeting_id, occurrence_start)
);

-- Invitations are meeting_participants rows with status 'invited' (seed 000's default status); rsvp carries the
-- invitee's answer (RFC 5545 PARTSTAT: NEEDS-ACTION -> 'pending', ACCEPTED, DECLINED, TENTATIVE).
ALTER TABLE meeting_participants ADD COLUMN rsvp VARCHAR(20)
    CHECK (rsvp IN ('pending', 'accepted', 'declined', 'tentative'));
CREATE UNIQUE INDEX uq_participants_invited_user ON meeting_participants (meeting_id, user_id)
    WHERE status = 'invited' AND user_id IS NOT NULL;
CREATE UNIQUE INDEX uq_participants_invited_email ON meeting_participants (meeting_id, lower(email))
    WHERE status = 'invited' AND user_id IS NULL;
