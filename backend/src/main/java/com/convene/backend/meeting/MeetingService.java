package com.convene.backend.meeting;

import com.convene.backend.account.Caller;
import com.convene.backend.account.PasswordHasher;
import com.convene.backend.ratelimit.RateLimitedAction;
import com.convene.backend.ratelimit.RateVerdict;
import com.convene.backend.ratelimit.TokenBuckets;
import com.convene.backend.problem.FieldErrors;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.JoinInfo;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import com.convene.model.api.OccurrenceView;
import com.convene.model.api.Page;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.exceptions.DataAccessException;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
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
///
/// Size: over 500 lines because it is every meeting rule in one place (create, update, series, occurrences, join
/// with the password attempt limits); splitting series handling into its own service is the next step.
@Singleton
public class MeetingService {

    private static final Logger LOG = LoggerFactory.getLogger(MeetingService.class);
    private static final int MAX_CODE_ATTEMPTS = 8;
    private static final String SCHEDULED = "scheduled";
    private static final String CANCELLED = "cancelled";

    private final MeetingRepository meetings;
    private final PasswordHasher hasher;
    private final MeetingConfig config;
    private final OccurrenceCancellationRepository cancellations;
    private final InvitationRepository invitations;
    private final ApplicationEventPublisher<MeetingClosedEvent> closed;
    private final JoinCodes joinCodes = new JoinCodes();
    private final TokenBuckets buckets;

    MeetingService(MeetingRepository meetings, PasswordHasher hasher, MeetingConfig config,
                   OccurrenceCancellationRepository cancellations, InvitationRepository invitations,
                   ApplicationEventPublisher<MeetingClosedEvent> closed, TokenBuckets buckets) {
        this.buckets = buckets;
        this.cancellations = cancellations;
        this.invitations = invitations;
        this.closed = closed;
        this.meetings = meetings;
        this.hasher = hasher;
        this.config = config;
    }

    /// Schedules a meeting hosted by the caller; with a `recurrenceRule` it is a recurring series whose first
    /// occurrence is `scheduledStart`.
    ///
    /// @throws ProblemException `validation` (field errors) or `invalid-time-range` (end not after start)
    public MeetingView create(Caller caller, MeetingCreateRequest request) {
        FieldErrors errors = new FieldErrors();
        String title = request.title() == null ? "" : request.title().strip();
        String timeZone = request.timeZone() == null || request.timeZone().isBlank() ? "UTC" : request.timeZone().strip();
        String rule = blankToNull(request.recurrenceRule());
        MeetingType type = rule != null ? MeetingType.RECURRING
                : request.scheduledStart() == null ? MeetingType.INSTANT : MeetingType.SCHEDULED;
        if (request.meetingType() != null) {
            Optional<MeetingType> parsed = MeetingType.parse(request.meetingType());
            if (parsed.isEmpty()) {
                errors.add("meetingType", "must be one of instant, scheduled, recurring");
            } else {
                type = parsed.get();
            }
        }
        int maxParticipants = request.maxParticipants() == null ? 100 : request.maxParticipants();
        boolean requirePassword = Boolean.TRUE.equals(request.requirePassword());
        String password = request.password();
        if (requirePassword && (password == null || password.isBlank())) {
            errors.add("password", "is required when requirePassword is true");
        }
        validate(errors, title, request.description(), request.scheduledStart(), request.scheduledEnd(), timeZone,
                type, maxParticipants, password, rule, config.passwordMinLength());

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
                    MeetingStatus.SCHEDULED.wireName(), now, now, code, timeZone,
                    rule == null ? null : Recurrences.normalize(rule));
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

    /// Changes a scheduled or live meeting; absent fields stay. Host or admin.
    ///
    /// @throws ProblemException `not-found`, `forbidden`, `conflict` (ended or cancelled), `validation` or
    ///                          `invalid-time-range`
    public MeetingView update(Caller caller, UUID meetingId, MeetingUpdateRequest request) {
        Meeting m = require(meetingId);
        requireManager(caller, m, "change");
        if (m.meetingStatus() == MeetingStatus.ENDED || m.meetingStatus() == MeetingStatus.CANCELLED) {
            throw new MeetingException(ProblemType.CONFLICT, "An ended or cancelled meeting cannot be changed.");
        }
        FieldErrors errors = new FieldErrors();
        String title = request.title() == null ? m.title() : request.title().strip();
        String description = request.description() == null ? m.description() : blankToNull(request.description());
        Instant start = request.scheduledStart() == null ? m.scheduledStartTime() : micros(request.scheduledStart());
        Instant end = request.scheduledEnd() == null ? m.scheduledEndTime() : micros(request.scheduledEnd());
        String timeZone = request.timeZone() == null ? m.timeZone() : request.timeZone().strip();
        int maxParticipants = request.maxParticipants() == null ? m.maxParticipants() : request.maxParticipants();
        String rule = request.recurrenceRule() == null ? m.recurrenceRule() : blankToNull(request.recurrenceRule());
        MeetingType type = rule != null ? MeetingType.RECURRING
                : start == null ? MeetingType.INSTANT : MeetingType.SCHEDULED;
        boolean requirePassword = request.requirePassword() == null ? m.requirePassword() : request.requirePassword();
        String newPassword = blankToNull(request.password());
        if (requirePassword && newPassword == null && m.passwordHash() == null) {
            errors.add("password", "is required when requirePassword is true");
        }
        validate(errors, title, description, start, end, timeZone, type, maxParticipants, newPassword, rule,
                config.passwordMinLength());
        String passwordHash = !requirePassword ? null
                : newPassword != null ? hasher.hash(newPassword) : m.passwordHash();
        Meeting updated = new Meeting(m.meetingId(), m.hostUserId(), title, description, type.wireName(), start, end,
                m.actualStartTime(), m.actualEndTime(), m.durationMinutes(), maxParticipants, requirePassword,
                passwordHash,
                orDefault(request.waitingRoomEnabled(), m.waitingRoomEnabled()),
                orDefault(request.recordingEnabled(), m.recordingEnabled()),
                orDefault(request.autoRecord(), m.autoRecord()),
                orDefault(request.allowScreenShare(), m.allowScreenShare()),
                orDefault(request.allowChat(), m.allowChat()),
                orDefault(request.allowReactions(), m.allowReactions()),
                orDefault(request.muteOnEntry(), m.muteOnEntry()),
                m.status(), m.createdAt(), now(), m.joinCode(), timeZone,
                rule == null ? null : Recurrences.normalize(rule));
        meetings.update(updated);
        LOG.info("Meeting updated: meetingId={} by userId={}", meetingId, caller.userId());
        return toView(updated);
    }

    /// Checks the fields shared by create and update; throws on the first failing group.
    private static void validate(FieldErrors errors, String title, @Nullable String description,
                                 @Nullable Instant start, @Nullable Instant end, String timeZone, MeetingType type,
                                 int maxParticipants, @Nullable String password, @Nullable String rule,
                                 int passwordMinLength) {
        if (title.isEmpty()) {
            errors.add("title", "must not be blank");
        } else if (title.length() > 500) {
            errors.add("title", "must be at most 500 characters");
        }
        if (description != null && description.length() > 10_000) {
            errors.add("description", "must be at most 10000 characters");
        }
        if (!ZoneId.getAvailableZoneIds().contains(timeZone) && !"UTC".equals(timeZone)) {
            errors.add("timeZone", "must be an IANA time-zone id such as Europe/Berlin");
        }
        if (type != MeetingType.INSTANT && start == null) {
            errors.add("scheduledStart", "is required for a " + type.wireName() + " meeting");
        } else if (end != null && start == null) {
            errors.add("scheduledStart", "is required when scheduledEnd is set");
        }
        if (type == MeetingType.RECURRING && rule == null) {
            errors.add("recurrenceRule", "is required for a recurring meeting");
        } else if (rule != null) {
            Recurrences.problem(rule).ifPresent(problem -> errors.add("recurrenceRule", problem));
        }
        if (maxParticipants < 2 || maxParticipants > 1000) {
            errors.add("maxParticipants", "must be between 2 and 1000");
        }
        if (password != null && !password.isEmpty()
                && (password.length() < passwordMinLength || password.length() > 128)) {
            errors.add("password", "must be " + passwordMinLength + "-128 characters");
        }
        errors.throwIfAny();
        if (start != null && end != null && !end.isAfter(start)) {
            throw new MeetingException(ProblemType.INVALID_TIME_RANGE, "scheduledEnd must be after scheduledStart.");
        }
    }

    /// One page of the meetings the caller may see (hosted or invited to; every meeting for an admin), in order
    /// of scheduled start.
    ///
    /// @param host   only meetings of this host, or `null`
    /// @param status `scheduled`, `live`, `ended` or `cancelled`, or `null`
    /// @param from   inclusive lower bound on the scheduled start, or `null`
    /// @param to     exclusive upper bound on the scheduled start, or `null`
    /// @param cursor `nextCursor` of the previous page, or `null`
    /// @param limit  page size, 1–`convene.meeting.list-limit`
    /// @throws ProblemException `validation` or `invalid-time-range`
    public Page<MeetingView> list(Caller caller, @Nullable UUID host, @Nullable String status,
                                  @Nullable Instant from, @Nullable Instant to, @Nullable String cursor, int limit) {
        FieldErrors errors = new FieldErrors();
        if (status != null && java.util.Arrays.stream(MeetingStatus.values())
                .noneMatch(s -> s.wireName().equals(status))) {
            errors.add("status", "must be scheduled, live, ended or cancelled");
        }
        if (limit < 1 || limit > config.listLimit()) {
            errors.add("limit", "must be between 1 and " + config.listLimit());
        }
        Instant afterStart = null;
        UUID afterId = null;
        if (cursor != null && !cursor.isBlank()) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("_", 2);
                long micros = Long.parseLong(parts[0]);
                afterStart = Instant.EPOCH.plus(micros, ChronoUnit.MICROS);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                errors.add("cursor", "is not a cursor this API returned");
            }
        }
        errors.throwIfAny();
        if (from != null && to != null && !to.isAfter(from)) {
            throw new MeetingException(ProblemType.INVALID_TIME_RANGE, "to must be after from.");
        }
        UUID viewer = caller.isAdmin() ? null : caller.userId();
        List<Meeting> rows = meetings.page(viewer, host, status, from, to, afterStart, afterId, limit + 1);
        boolean more = rows.size() > limit;
        List<Meeting> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            Meeting last = page.getLast();
            Instant key = last.scheduledStartTime() != null ? last.scheduledStartTime() : last.createdAt();
            long micros = ChronoUnit.MICROS.between(Instant.EPOCH, key);
            next = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((micros + "_" + last.meetingId()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page<>(page.stream().map(this::toView).toList(), next);
    }

    /// One meeting by id, for its host, an invitee or an admin.
    ///
    /// @throws ProblemException `not-found` or `forbidden`
    public MeetingView get(Caller caller, UUID meetingId) {
        Meeting meeting = require(meetingId);
        requireViewer(caller, meeting);
        return toView(meeting);
    }

    /// One meeting by id, without an access check (for services such as the signaling layer).
    ///
    /// @throws ProblemException `not-found`
    public MeetingView get(UUID meetingId) {
        return toView(require(meetingId));
    }

    /// One meeting by join code, in any spelling [JoinCodes#normalize(String)] accepts (docs/security.md).
    ///
    /// The host, invitees and admins get the whole meeting. Any other signed-in user holding the code gets only
    /// what joining needs and what `POST /meetings/join` would tell them: the id, the code and links, the status,
    /// whether a password and the waiting room apply, and the title only when no password is required. Host,
    /// description, schedule and settings stay hidden (`null`, `false`, `maxParticipants` 0).
    ///
    /// @throws ProblemException `not-found`
    public MeetingView getByCode(Caller caller, String code) {
        Meeting m = findByCode(code).orElseThrow(MeetingService::notFound);
        if (canView(caller, m)) {
            return toView(m);
        }
        MeetingView full = toView(m);
        return new MeetingView(full.id(), null, m.requirePassword() ? null : full.title(), null, null, full.status(),
                null, null, null, null, null, null, 0, full.requirePassword(), full.waitingRoomEnabled(), false, false,
                false, false, false, false, full.joinCode(), full.joinLink(), full.joinUrl(), null, null, null);
    }

    /// Cancels a scheduled or live meeting (a whole series for a recurring one). Idempotent for an already
    /// cancelled meeting.
    ///
    /// @throws ProblemException `not-found`, `forbidden` (neither host nor admin) or `conflict` (already ended)
    public MeetingView cancel(Caller caller, UUID meetingId) {
        Meeting meeting = require(meetingId);
        requireManager(caller, meeting, "cancel");
        switch (meeting.meetingStatus()) {
            case CANCELLED -> {
                return toView(meeting);
            }
            case ENDED -> throw new MeetingException(ProblemType.CONFLICT, "This meeting has already ended.");
            case SCHEDULED, LIVE -> {
                meetings.updateStatus(meetingId, MeetingStatus.CANCELLED.wireName(), now());
                LOG.info("Meeting cancelled: meetingId={} by userId={}", meetingId, caller.userId());
                closed.publishEvent(new MeetingClosedEvent(meetingId, MeetingStatus.CANCELLED));
            }
        }
        return toView(require(meetingId));
    }

    /// Occurrences of a meeting whose start lies in `[from, to)`: every date of a series (cancelled ones marked),
    /// or the single occurrence of a one-off meeting.
    ///
    /// @throws ProblemException `not-found`, `forbidden`, `invalid-time-range` or `validation` (range over 400 days)
    public List<OccurrenceView> occurrences(Caller caller, UUID meetingId, Instant from, Instant to) {
        Meeting meeting = require(meetingId);
        requireViewer(caller, meeting);
        if (!to.isAfter(from)) {
            throw new MeetingException(ProblemType.INVALID_TIME_RANGE, "to must be after from.");
        }
        if (Duration.between(from, to).toDays() > 400) {
            FieldErrors errors = new FieldErrors();
            errors.add("to", "must be at most 400 days after from");
            errors.throwIfAny();
        }
        Instant first = meeting.scheduledStartTime();
        if (first == null) {
            return List.of();
        }
        Duration length = meeting.scheduledEndTime() == null ? null
                : Duration.between(first, meeting.scheduledEndTime());
        boolean seriesCancelled = meeting.meetingStatus() == MeetingStatus.CANCELLED;
        if (meeting.recurrenceRule() == null) {
            if (first.isBefore(from) || !first.isBefore(to)) {
                return List.of();
            }
            return List.of(new OccurrenceView(first, meeting.scheduledEndTime(),
                    seriesCancelled ? CANCELLED : SCHEDULED));
        }
        java.util.Set<Instant> cancelled = new java.util.HashSet<>(cancellations.findStarts(meetingId));
        return Recurrences.starts(meeting.recurrenceRule(), first, ZoneId.of(meeting.timeZone()), from, to).stream()
                .map(start -> new OccurrenceView(start, length == null ? null : start.plus(length),
                        seriesCancelled || cancelled.contains(start) ? CANCELLED : SCHEDULED))
                .toList();
    }

    /// Cancels one occurrence of a series, named by its original start. Idempotent.
    ///
    /// @throws ProblemException `not-found` (no such meeting or occurrence), `forbidden` or `conflict` (not a series)
    public OccurrenceView cancelOccurrence(Caller caller, UUID meetingId, Instant start) {
        Meeting meeting = require(meetingId);
        requireManager(caller, meeting, "cancel an occurrence of");
        if (meeting.recurrenceRule() == null || meeting.scheduledStartTime() == null) {
            throw new MeetingException(ProblemType.CONFLICT, "Only an occurrence of a recurring meeting can be cancelled"
                    + " on its own; cancel the meeting instead.");
        }
        Instant exact = micros(start);
        List<Instant> match = Recurrences.starts(meeting.recurrenceRule(), meeting.scheduledStartTime(),
                ZoneId.of(meeting.timeZone()), exact, exact.plusSeconds(1));
        if (!match.contains(exact)) {
            throw new MeetingException(ProblemType.NOT_FOUND, "The series has no occurrence starting at this instant.");
        }
        cancellations.cancel(meetingId, exact, now(), caller.userId());
        LOG.info("Occurrence cancelled: meetingId={} start={} by userId={}", meetingId, exact, caller.userId());
        Instant end = meeting.scheduledEndTime() == null ? null
                : exact.plus(Duration.between(meeting.scheduledStartTime(), meeting.scheduledEndTime()));
        return new OccurrenceView(exact, end, CANCELLED);
    }

    /// The meeting (or series) as an iCalendar file (RFC 5545) with the join link.
    ///
    /// @throws ProblemException `not-found` or `forbidden`
    public String ics(Caller caller, UUID meetingId) {
        Meeting meeting = require(meetingId);
        requireViewer(caller, meeting);
        List<Instant> cancelled = meeting.recurrenceRule() == null ? List.of() : cancellations.findStarts(meetingId);
        return CalendarExport.ics(toView(meeting), cancelled);
    }

    /// What a client needs to join (seed 002 `POST /meetings/join`): checks that the meeting can be joined and
    /// the password, then answers the signaling URL. Admission itself (waiting room) happens over signaling.
    ///
    /// @throws ProblemException `not-found`, `meeting-cancelled`, `meeting-ended` or `meeting-password-required`
    /// @param userId the caller, whose wrong passwords count against its limit for this meeting
    /// @throws PasswordAttemptsExceededException too many wrong passwords (429 with the wait)
    public JoinInfo joinInfo(String codeOrId, @Nullable String password, UUID userId) {
        MeetingView meeting = findForJoin(codeOrId);
        checkJoinPassword(meeting.id(), password, userId);
        String base = baseUrl();
        String ws = base.startsWith("https://") ? "wss://" + base.substring(8)
                : base.startsWith("http://") ? "ws://" + base.substring(7) : base;
        return new JoinInfo(meeting.id(), meeting.joinCode(), meeting.title(), ws + "/ws/signaling",
                meeting.waitingRoomEnabled());
    }

    /// Seed 002 `POST /conferences/start`: marks a scheduled meeting live now. Host or admin; idempotent for a
    /// live meeting.
    ///
    /// @throws ProblemException `not-found`, `forbidden`, `meeting-cancelled` or `meeting-ended`
    public MeetingView startConference(Caller caller, UUID meetingId) {
        Meeting meeting = require(meetingId);
        requireManager(caller, meeting, "start");
        switch (meeting.meetingStatus()) {
            case CANCELLED -> throw new MeetingException(ProblemType.MEETING_CANCELLED, "This meeting was cancelled.");
            case ENDED -> throw new MeetingException(ProblemType.MEETING_ENDED, "This meeting has ended.");
            case SCHEDULED -> markLive(meetingId);
            case LIVE -> {
                // already live
            }
        }
        return toView(require(meetingId));
    }

    /// Seed 002 `POST /conferences/stop`: ends a live meeting for everyone ([MeetingClosedEvent] tells the live
    /// room). Host or admin; idempotent for an ended meeting.
    ///
    /// @throws ProblemException `not-found`, `forbidden`, `meeting-cancelled` or `conflict` (never started)
    public MeetingView stopConference(Caller caller, UUID meetingId) {
        Meeting meeting = require(meetingId);
        requireManager(caller, meeting, "stop");
        switch (meeting.meetingStatus()) {
            case CANCELLED -> throw new MeetingException(ProblemType.MEETING_CANCELLED, "This meeting was cancelled.");
            case SCHEDULED -> throw new MeetingException(ProblemType.CONFLICT, "This meeting has not started.");
            case LIVE -> markEnded(meetingId);
            case ENDED -> {
                // already ended
            }
        }
        return toView(require(meetingId));
    }

    /// Whether `caller` may see the meeting: admin, host or invitee.
    public boolean canView(Caller caller, UUID meetingId) {
        return meetings.findById(meetingId).map(m -> canView(caller, m)).orElse(false);
    }

    private boolean canView(Caller caller, Meeting meeting) {
        return caller.isAdmin() || meeting.hostUserId().equals(caller.userId())
                || invitations.isInvited(meeting.meetingId(), caller.userId());
    }

    private void requireViewer(Caller caller, Meeting meeting) {
        if (!canView(caller, meeting)) {
            throw new MeetingException(ProblemType.FORBIDDEN,
                    "Only the host, invitees and administrators can see this meeting.");
        }
    }

    /// Throws `forbidden` unless the caller is the meeting's host or an admin.
    void requireManager(Caller caller, Meeting meeting, String verb) {
        if (!caller.isAdmin() && !meeting.hostUserId().equals(caller.userId())) {
            throw new MeetingException(ProblemType.FORBIDDEN,
                    "Only the host or an administrator can " + verb + " this meeting.");
        }
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
    /// Guessing is limited per user and per meeting, over REST and signaling alike, by the token buckets
    /// `pwd-user` and `pwd-meeting` in Redis (docs/decisions/093-rate-limits.md): each attempt takes a token of
    /// both before the password is checked, a right password gives them back, so only wrong ones count. With no
    /// token left the password is not checked at all (right or wrong, the answer is the same). The bucket checks
    /// wait at most the Redis command deadline (300 ms), and fall back to this node's buckets.
    ///
    /// @param password what the joiner entered, or `null` (then `meeting-password-required`, nothing counted)
    /// @param userId   the joiner
    /// @throws ProblemException `not-found` or `meeting-password-required` (missing or wrong)
    /// @throws PasswordAttemptsExceededException too many wrong passwords for now
    public void checkJoinPassword(UUID meetingId, @Nullable String password, UUID userId) {
        Meeting meeting = require(meetingId);
        if (!meeting.requirePassword() || meeting.passwordHash() == null) {
            return;
        }
        if (password == null || password.isEmpty()) {
            throw new MeetingException(ProblemType.MEETING_PASSWORD_REQUIRED, "This meeting needs the right password.");
        }
        String userScope = meetingId + ":" + userId;
        String meetingScope = meetingId.toString();
        RateVerdict perUser = buckets.take(RateLimitedAction.PASSWORD_PER_USER, userScope).join();
        if (!perUser.allowed()) {
            LOG.info("Meeting password attempts exceeded meetingId={} userId={} scope=user", meetingId, userId);
            throw new PasswordAttemptsExceededException(perUser.retryAfterMillis());
        }
        RateVerdict perMeeting = buckets.take(RateLimitedAction.PASSWORD_PER_MEETING, meetingScope).join();
        if (!perMeeting.allowed()) {
            buckets.refund(RateLimitedAction.PASSWORD_PER_USER, userScope);
            LOG.info("Meeting password attempts exceeded meetingId={} userId={} scope=meeting", meetingId, userId);
            throw new PasswordAttemptsExceededException(perMeeting.retryAfterMillis());
        }
        if (!hasher.verify(password, meeting.passwordHash())) {
            throw new MeetingException(ProblemType.MEETING_PASSWORD_REQUIRED, "This meeting needs the right password.");
        }
        buckets.refund(RateLimitedAction.PASSWORD_PER_USER, userScope);
        buckets.refund(RateLimitedAction.PASSWORD_PER_MEETING, meetingScope);
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
            closed.publishEvent(new MeetingClosedEvent(meetingId, MeetingStatus.ENDED));
        }
        return changed;
    }

    private String baseUrl() {
        return config.publicBaseUrl().endsWith("/")
                ? config.publicBaseUrl().substring(0, config.publicBaseUrl().length() - 1) : config.publicBaseUrl();
    }

    MeetingView toView(Meeting m) {
        String base = baseUrl();
        return new MeetingView(m.meetingId(), m.hostUserId(), m.title(), m.description(), m.meetingType(), m.status(),
                m.scheduledStartTime(), m.scheduledEndTime(), m.timeZone(), m.actualStartTime(), m.actualEndTime(),
                m.durationMinutes(), m.maxParticipants(), m.requirePassword(), m.waitingRoomEnabled(),
                m.recordingEnabled(), m.autoRecord(), m.allowScreenShare(), m.allowChat(), m.allowReactions(),
                m.muteOnEntry(), m.joinCode(), config.joinLinkScheme() + "://join/" + m.joinCode(),
                base + "/j/" + m.joinCode(), m.createdAt(), m.updatedAt(), m.recurrenceRule());
    }

    Meeting require(UUID meetingId) {
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
