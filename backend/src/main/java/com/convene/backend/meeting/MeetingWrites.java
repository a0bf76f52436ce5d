package com.convene.backend.meeting;

import com.convene.backend.outbox.DeferredWrite;
import com.convene.backend.outbox.DeferredWriteApplier;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Applies the meeting feature's [DeferredWrite]s for the PostgreSQL outbox (docs/decisions/089-postgresql-outbox.md):
/// both are guarded updates (`left_at IS NULL`, `status = 'live'`), so a replay changes nothing. Runs on the outbox's
/// own thread; blocking.
@Singleton
final class MeetingWrites implements DeferredWriteApplier {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingWrites.class);

    private final ParticipantRepository participants;
    private final MeetingRepository meetings;

    MeetingWrites(ParticipantRepository participants, MeetingRepository meetings) {
        this.participants = participants;
        this.meetings = meetings;
    }

    @Override
    public void apply(DeferredWrite write) {
        switch (write) {
            case DeferredWrite.ParticipantLeft left -> {
                if (participants.markLeft(left.participantId(), left.leftAt()) > 0) {
                    LOG.info("Participant left: participantId={} leftAt={}", left.participantId(), left.leftAt());
                }
            }
            case DeferredWrite.MeetingEnded ended -> {
                if (meetings.markEnded(ended.meetingId(), ended.endedAt()) > 0) {
                    LOG.info("Meeting ended: meetingId={} endedAt={}", ended.meetingId(), ended.endedAt());
                }
            }
        }
    }
}
