package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.backend.account.PasswordHasher;
import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingView;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Scheduling, look-up and cancellation of meetings; the entry point the signaling layer uses to resolve a join.
///
/// Blocking (JDBC, argon2id for meeting passwords): call from a blocking executor. Thread-safe.
@Singleton
public class MeetingService {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingService.class);
    private static final int MAX_CODE_ATTEMPTS = 8;

    private final MeetingRepository meetings;
    private final PasswordHasher hasher;
    private final MeetingConfig config;
    private final JoinCodes joinCodes = new JoinCodes();

    MeetingService(MeetingRepository meetings, PasswordHasher hasher, MeetingConfig config) {
        this.meetings = meetings;
        this.hasher = hasher;
        this.config = config;
    }

    /// Schedules a meeting hosted by the caller.
    ///
    /// @throws ProblemException `validation` (field errors) or `invalid-time-range` (end not after start)
    public MeetingView create(Caller caller, MeetingCreateRequest request) {
        FieldErrors errors = new FieldErrors();
        String title = request.title() == null ? "" : request.title().strip();
        if (title.isEmpty()) {
            errors.add("title", "must not be blank");
        } else if (title.length() > 500) {
            errors.add("title", "must be at most 500 characters");
        }
        if (request.description() != null && request.description().length() > 10_000) {
            errors.add("description", "must be at most 10000 characters");
        }
        String timeZone = request.timeZone() == null || request.timeZone().isBlank() ? "UTC" : request.timeZone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !"UTC".equals(timeZone)) {
            errors.add("timeZone", "must be an IANA time-zone id such as Europe/Berlin");
        }
        MeetingType type = request.scheduledStart() == null ? MeetingType.INSTANT : MeetingType.SCHEDULED;
        if (request.meetingType() != null) {
            Optional<MeetingType> parsed = MeetingType.parse(request.meetingType());
            if (parsed.isEmpty()) {
                errors.add("meetingType", "must be one of instant, scheduled, recurring");
            } else {
                type = parsed.get();
            }
        }
        if (type != MeetingType.INSTANT && request.scheduledStart() == null) {
            errors.add("scheduledStart", "is required for a " + type.wireName() + " meeting");
        }
        if (request.scheduledEnd() != null && request.scheduledStart() == null) {
            errors.add("scheduledStart", "is required when scheduledEnd is set");
        }
        int maxParticipants = request.maxParticipants() == null ? 100 : request.maxParticipants();
        if (maxParticipants < 2 || maxParticipants > 1000) {
            errors.add("maxParticipants", "must be between 2 and 1000");
        }
        boolean requirePassword = Boolean.TRUE.equals(request.requirePassword());
        String password = request.password();
        if (requirePassword && (password == null || password.isBlank())) {
            errors.add("password", "is required when requirePassword is true");
        } else if (password != null && !password.isEmpty() && (password.length() < 4 || password.length() > 128)) {
            errors.add("password", "must be 4-128 characters");
        }
        errors.throwIfAny();
        if (request.scheduledStart() != null && request.scheduledEnd() != null
                && !request.scheduledEnd().isAfter(request.scheduledStart())) {
            throw new MeetingException(ProblemType.INVALID_TIME_RANGE, "scheduledEnd must be after scheduledStart.");
        }

        Instant now = now();
        String passwordHash = requirePassword ? hasher.hash(Objects.requireNonNull(password)) : null;
        for (int attempt = 1; ; attempt++) {
            String code = joinCodes.next();
            if (meetings.existsByJoinCode(code)) {
                continue;
            }
            Meeting meeting = new Meeting(UUID.randomUUID(), caller.userId(), title,
                    blankToNull(request.description()), type.wireName(),
                    micros(request.scheduledStart()), micros(request.scheduledEnd()), null, null, null,
                    maxParticipants, requirePassword, passwordHash,
                    orDefault(request.waitingRoomEnabled(), true),
                    orDefault(request.recordingEnabled(), false),
                    orDefault(request.autoRecord(), false),
                    orDefault(request.allowScreenShare(), true),
                    orDefault(request.allowChat(), true),
                    orDefault(request.allowReactions(), true),
                    orDefault(request.muteOnEntry(), false),
                    MeetingStatus.SCHEDULED.wireName(), now, now, code, timeZone);
            try {
                meetings.save(meeting);
                LOG.info("Meeting scheduled: meetingId={} hostUserId={}", meeting.meetingId(), caller.userId());
                return toView(meeting);
            } catch (DataAccessException e) {
                if (attempt >= MAX_CODE_ATTEMPTS) {
                    throw new ProblemException(ProblemType.CONFLICT, "The meeting could not be saved; try again.",
                            List.of(), e);
                }
                // Most likely a concurrent insert took the same join code: draw another.
            }
        }
    }

    /// Meetings the caller hosts, or every meeting for an admin; upcoming first.
    ///
    /// @param from inclusive lower bound on the scheduled start, or `null`
    /// @param to   exclusive upper bound on the scheduled start, or `null`
    /// @throws ProblemException `invalid-time-range` when `to` is not after `from`
    public List<MeetingView> list(Caller caller, @Nullable Instant from, @Nullable Instant to) {
        if (from != null && to != null && !to.isAfter(from)) {
            throw new MeetingException(ProblemType.INVALID_TIME_RANGE, "to must be after from.");
        }
        UUID host = caller.isAdmin() ? null : caller.userId();
        return meetings.list(host, from, to, config.listLimit()).stream().map(this::toView).toList();
    }

    /// One meeting by id; any authenticated user may read it (they need it to join).
    ///
    /// @throws ProblemException `not-found`
    public MeetingView get(UUID meetingId) {
        return toView(require(meetingId));
    }

    /// One meeting by join code, in any spelling [JoinCodes#normalize(String)] accepts.
    ///
    /// @throws ProblemException `not-found`
    public MeetingView getByCode(String code) {
        return toView(findByCode(code).orElseThrow(MeetingService::notFound));
    }

    /// Cancels a scheduled or live meeting. Idempotent for an already cancelled meeting.
    ///
    /// @throws ProblemException `not-found`, `forbidden` (neither host nor admin) or `conflict` (already ended)
    public MeetingView cancel(Caller caller, UUID meetingId) {
        Meeting meeting = require(meetingId);
        if (!caller.isAdmin() && !meeting.hostUserId().equals(caller.userId())) {
            throw new MeetingException(ProblemType.FORBIDDEN, "Only the host or an administrator can cancel this meeting.");
        }
        switch (meeting.meetingStatus()) {
            case CANCELLED -> {
                return toView(meeting);
            }
            case ENDED -> throw new MeetingException(ProblemType.CONFLICT, "This meeting has already ended.");
            case SCHEDULED, LIVE -> {
                meetings.updateStatus(meetingId, MeetingStatus.CANCELLED.wireName(), now());
                LOG.info("Meeting cancelled: meetingId={} by userId={}", meetingId, caller.userId());
            }
        }
        return toView(require(meetingId));
    }

    /// Resolves what a joiner typed or clicked, a join code (`abc-defg-hij`, any case, dashes optional) or a
    /// meeting id, to a meeting that can still be joined. For the signaling layer.
    ///
    /// @throws ProblemException `not-found`, `meeting-cancelled` or `meeting-ended`
    public MeetingView findForJoin(String codeOrId) {
        Meeting meeting = parseUuid(codeOrId).flatMap(meetings::findById)
                .or(() -> findByCode(codeOrId))
                .orElseThrow(MeetingService::notFound);
        return switch (meeting.meetingStatus()) {
            case CANCELLED -> throw new MeetingException(ProblemType.MEETING_CANCELLED, "This meeting was cancelled.");
            case ENDED -> throw new MeetingException(ProblemType.MEETING_ENDED, "This meeting has ended.");
            case SCHEDULED, LIVE -> toView(meeting);
        };
    }

    /// Checks the meeting password of a meeting that requires one; passes for meetings without a password.
    ///
    /// @param password what the joiner entered, or `null`
    /// @throws ProblemException `not-found` or `meeting-password-required` (missing or wrong)
    public void checkJoinPassword(UUID meetingId, @Nullable String password) {
        Meeting meeting = require(meetingId);
        if (!meeting.requirePassword() || meeting.passwordHash() == null) {
            return;
        }
        if (password == null || !hasher.verify(password, meeting.passwordHash())) {
            throw new MeetingException(ProblemType.MEETING_PASSWORD_REQUIRED, "This meeting needs the right password.");
        }
    }

    /// Marks the meeting live and sets its actual start, if it is still scheduled. Called on the first join.
    ///
    /// @return whether this call changed it
    public boolean markLive(UUID meetingId) {
        return meetings.markLive(meetingId, now()) > 0;
    }

    /// Marks a live meeting ended and records its actual end and duration. Called when the last participant
    /// leaves or the host ends the meeting.
    ///
    /// @return whether this call changed it
    public boolean markEnded(UUID meetingId) {
        boolean changed = meetings.markEnded(meetingId, now()) > 0;
        if (changed) {
            LOG.info("Meeting ended: meetingId={}", meetingId);
        }
        return changed;
    }

    MeetingView toView(Meeting m) {
        String base = config.publicBaseUrl().endsWith("/")
                ? config.publicBaseUrl().substring(0, config.publicBaseUrl().length() - 1) : config.publicBaseUrl();
        return new MeetingView(m.meetingId(), m.hostUserId(), m.title(), m.description(), m.meetingType(), m.status(),
                m.scheduledStartTime(), m.scheduledEndTime(), m.timeZone(), m.actualStartTime(), m.actualEndTime(),
                m.durationMinutes(), m.maxParticipants(), m.requirePassword(), m.waitingRoomEnabled(),
                m.recordingEnabled(), m.autoRecord(), m.allowScreenShare(), m.allowChat(), m.allowReactions(),
                m.muteOnEntry(), m.joinCode(), config.joinLinkScheme() + "://join/" + m.joinCode(),
                base + "/j/" + m.joinCode(), m.createdAt(), m.updatedAt());
    }

    private Meeting require(UUID meetingId) {
        return meetings.findById(meetingId).orElseThrow(MeetingService::notFound);
    }

    private Optional<Meeting> findByCode(String code) {
        return JoinCodes.normalize(code).flatMap(meetings::findByJoinCode);
    }

    private static MeetingException notFound() {
        return new MeetingException(ProblemType.NOT_FOUND, "No meeting matches this id or join code.");
    }

    private static Optional<UUID> parseUuid(String text) {
        try {
            return text.length() == 36 ? Optional.of(UUID.fromString(text)) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean orDefault(@Nullable Boolean value, boolean fallback) {
        return value == null ? fallback : value;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static @Nullable Instant micros(@Nullable Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
