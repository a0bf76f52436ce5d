package com.convene.backend.meeting;

import io.micronaut.context.event.ApplicationEventPublisher;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The PostgreSQL side of the meeting lifecycle (docs/decisions/042-meeting-lifecycle-and-reaper.md): ends
/// meetings nobody is in, and closes participant rows that nobody will close any more. Used by the
/// `lifecycle` package, which decides when (grace period, reaper) and who (the node holding the room).
///
/// Every end publishes a [MeetingClosedEvent] like [MeetingService#markEnded], so a live room that reappeared on
/// this node meanwhile is closed with the meeting.
///
/// Blocking JDBC: call from a blocking thread, never a signaling thread or a Netty event loop. Thread-safe.
@Singleton
public class MeetingEndService {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingEndService.class);
    /// Most open rows one [#openRowsJoinedBefore] call returns.
    static final int OPEN_ROWS_LIMIT = 1000;

    private final MeetingRepository meetings;
    private final ParticipantRepository participants;
    private final ApplicationEventPublisher<MeetingClosedEvent> closed;
    private final Clock clock;

    MeetingEndService(MeetingRepository meetings, ParticipantRepository participants,
                      ApplicationEventPublisher<MeetingClosedEvent> closed, Clock clock) {
        this.meetings = meetings;
        this.participants = participants;
        this.closed = closed;
        this.clock = clock;
    }

    /// Ends a meeting whose room this node held and which stayed empty for the grace period: closes any row still
    /// open (a leave whose write was lost) at now, then ends the meeting at its last leave. Does nothing to a
    /// meeting that is not `live` (the host ended it already) except close its open rows.
    ///
    /// @return whether the meeting was ended by this call
    /// @throws io.micronaut.data.exceptions.DataAccessException when PostgreSQL fails; nothing is lost, call again
    public boolean endAbandoned(UUID meetingId) {
        Instant now = now();
        long closedRows = participants.closeOpen(meetingId, now);
        if (closedRows > 0) {
            LOG.info("Open participant rows closed at meeting end meetingId={} rows={}", meetingId, closedRows);
        }
        return endIfQuiet(meetingId, now);
    }

    /// Ends a `live` meeting with no open participant row whose last start, join or leave is at or before
    /// `quietBefore`; its `actual_end_time` is that last moment and `duration_minutes` follows from it.
    ///
    /// @return whether the meeting was ended by this call
    /// @throws io.micronaut.data.exceptions.DataAccessException when PostgreSQL fails
    public boolean endIfQuiet(UUID meetingId, Instant quietBefore) {
        boolean ended = meetings.endIfQuiet(meetingId, quietBefore.truncatedTo(ChronoUnit.MICROS), now()) > 0;
        if (ended) {
            LOG.info("Meeting ended after everyone left meetingId={}", meetingId);
            closed.publishEvent(new MeetingClosedEvent(meetingId, MeetingStatus.ENDED));
        }
        return ended;
    }

    /// Ids of the meetings that are `live` now.
    public List<UUID> liveMeetings() {
        return meetings.findLiveMeetingIds();
    }

    /// Open participant rows (`joined`, no `left_at`) that joined before `joinedBefore`, oldest first, at most
    /// 1,000 (the next call sees the rest).
    public List<Participant> openRowsJoinedBefore(Instant joinedBefore) {
        return participants.findOpenJoinedBefore(joinedBefore.truncatedTo(ChronoUnit.MICROS), OPEN_ROWS_LIMIT);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
