package com.convene.backend.meeting;

import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.net.InetAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The participant log, `meeting_participants` (seed 000): one row per join, closed on leave. Called by the
/// signaling layer when a peer joins and leaves; live room state goes to `RoomStateService` separately.
///
/// Blocking JDBC: call from a blocking executor, never a Netty event loop. Thread-safe.
@Singleton
public class ParticipantService {

    private static final Logger LOG = LoggerFactory.getLogger(ParticipantService.class);
    static final String JOINED = "joined";
    static final String LEFT = "left";

    private final ParticipantRepository participants;
    private final MeetingRepository meetings;

    ParticipantService(ParticipantRepository participants, MeetingRepository meetings) {
        this.participants = participants;
        this.meetings = meetings;
    }

    /// Records a join: inserts a `joined` row with `joined_at = now`, role `host` when `userId` is the host, and
    /// marks the meeting live on its first join.
    ///
    /// @param meetingId    meeting being joined (resolve it first with `MeetingService.findForJoin`)
    /// @param userId       the account joining, or `null` for a guest
    /// @param displayName  name shown to others, 1–200 characters
    /// @param connectionId signaling connection id, at most 100 characters, or `null`
    /// @param ipAddress    remote IPv4/IPv6 address literal (no port), or `null`; unparsable values are dropped
    /// @param userAgent    client's user agent, or `null`
    /// @return the new participant id, also usable as the Redis `session:{id}` key
    /// @throws ProblemException `not-found` when the meeting does not exist
    @Transactional
    public UUID recordJoin(UUID meetingId, @Nullable UUID userId, String displayName, @Nullable String connectionId,
                           @Nullable String ipAddress, @Nullable String userAgent) {
        Meeting meeting = meetings.findById(meetingId)
                .orElseThrow(() -> new MeetingException(ProblemType.NOT_FOUND, "No meeting matches this id."));
        UUID participantId = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String role = meeting.hostUserId().equals(userId) ? "host" : "participant";
        String name = displayName.isBlank() ? "Guest" : truncate(displayName.strip(), 200);
        try {
            participants.insertJoin(participantId, meetingId, userId, name, null, role, now,
                    connectionId == null ? null : truncate(connectionId, 100), ipLiteral(ipAddress), userAgent,
                    meeting.muteOnEntry());
        } catch (DataAccessException e) {
            throw new ProblemException(ProblemType.CONFLICT, "The join could not be recorded; try again.", List.of(), e);
        }
        meetings.markLive(meetingId, now);
        LOG.info("Participant joined: meetingId={} participantId={} userId={}", meetingId, participantId, userId);
        return participantId;
    }

    /// Records a join like [#recordJoin(UUID, UUID, String, String, String, String)] and its usage dimensions.
    ///
    /// @param deviceType `desktop`, `bot`, `mobile` or `other`, at most 20 characters
    /// @param region     the admitting node's region, at most 50 characters
    @Transactional
    public UUID recordJoin(UUID meetingId, @Nullable UUID userId, String displayName, @Nullable String connectionId,
                           @Nullable String ipAddress, @Nullable String userAgent, String deviceType, String region) {
        UUID participantId = recordJoin(meetingId, userId, displayName, connectionId, ipAddress, userAgent);
        participants.updateDimensions(participantId, truncate(deviceType, 20), truncate(region, 50));
        return participantId;
    }

    /// Records a leave: sets `left_at`, `status = 'left'` and `duration_minutes`. Idempotent: a second call, or an
    /// unknown id, changes nothing.
    ///
    /// @return whether this call closed the row
    public boolean recordLeave(UUID participantId) {
        return recordLeave(participantId, Instant.now());
    }

    /// Records a leave that happened at `leftAt` (a leave whose first write failed and is written again later
    /// keeps its real time). Idempotent like [#recordLeave(UUID)].
    ///
    /// @param leftAt when the participant left; stored at microsecond precision
    /// @return whether this call closed the row
    public boolean recordLeave(UUID participantId, Instant leftAt) {
        boolean closed = participants.markLeft(participantId, leftAt.truncatedTo(ChronoUnit.MICROS)) > 0;
        if (closed) {
            LOG.info("Participant left: participantId={}", participantId);
        }
        return closed;
    }

    /// One participant row.
    public Optional<Participant> find(UUID participantId) {
        return participants.findById(participantId);
    }

    /// Whether the user has ever joined the meeting (a `meeting_participants` row exists).
    public boolean hasJoined(UUID meetingId, UUID userId) {
        return participants.existsByMeetingIdAndUserId(meetingId, userId);
    }

    /// Every row of a meeting, in join order.
    public List<Participant> listForMeeting(UUID meetingId) {
        return participants.findByMeetingIdOrderByJoinedAt(meetingId);
    }

    /// How many participants are currently in the meeting (rows with status `joined`).
    public long countPresent(UUID meetingId) {
        return participants.countByMeetingIdAndStatus(meetingId, JOINED);
    }

    /// The address as an INET literal, or `null` when absent or not a plain IP literal (no DNS look-ups).
    private static @Nullable String ipLiteral(@Nullable String ip) {
        if (ip == null || ip.isBlank()) {
            return null;
        }
        String text = ip.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        boolean literal = text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == '.' || c == ':');
        if (!literal) {
            return null;
        }
        try {
            return InetAddress.ofLiteral(text).getHostAddress();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
