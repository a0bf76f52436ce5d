package com.convene.desktop.ui;

import com.convene.desktop.call.CallException;
import com.convene.desktop.ui.meetings.MeetingsService;
import com.convene.desktop.ui.schedule.ScheduleService;
import com.convene.model.api.MeetingCreateRequest;
import com.convene.model.api.MeetingUpdateRequest;
import com.convene.model.api.MeetingView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/// The meetings API kept in memory for view tests: creates, changes, cancels and lists meetings the way
/// `MeetingService` does for its fields (ids, join codes, status), refuses the requests the backend refuses
/// for a bad time range or a short password, and records every invitation. Not thread-safe.
public final class MeetingsInMemory implements MeetingsService, ScheduleService {
  private final Map<UUID, MeetingView> meetings = new LinkedHashMap<>();
  private final Map<UUID, String> passwords = new LinkedHashMap<>();
  private final List<String> invitations = new ArrayList<>();
  private final UUID me;
  private int codes;

  /// @param me the signed-in user, host of what they create
  public MeetingsInMemory(UUID me) {
    this.me = me;
  }

  /// Adds a meeting as the server would list it.
  public MeetingView add(UUID host, String title, Instant start, Instant end, String status) {
    MeetingView meeting = view(UUID.randomUUID(), host, title, status, start, end, "UTC", false, true, null,
        start == null ? "instant" : "scheduled");
    meetings.put(meeting.id(), meeting);
    return meeting;
  }

  public MeetingView get(UUID id) {
    return Objects.requireNonNull(meetings.get(id));
  }

  /// The meeting password last set for a meeting, or null.
  public String password(UUID id) {
    return passwords.get(id);
  }

  /// `<meeting id> <email>` per invitation, in order.
  public List<String> invitations() {
    return invitations;
  }

  @Override
  public List<MeetingView> upcomingMeetings() {
    return List.copyOf(meetings.values());
  }

  @Override
  public MeetingView meetingByCode(String code) {
    return meetings.values().stream().filter(m -> code.equals(m.joinCode())).findFirst()
        .orElseThrow(() -> new CallException("No meeting has that code.", "urn:convene:problem:meeting-not-found"));
  }

  @Override
  public MeetingView createMeeting(MeetingCreateRequest request) {
    return create(request);
  }

  @Override
  public MeetingView cancelMeeting(UUID id) {
    MeetingView old = get(id);
    MeetingView cancelled = view(id, old.hostUserId(), old.title(), "cancelled", old.scheduledStart(),
        old.scheduledEnd(), old.timeZone(), old.requirePassword(), old.waitingRoomEnabled(), old.recurrenceRule(),
        old.meetingType());
    meetings.put(id, cancelled);
    return cancelled;
  }

  @Override
  public MeetingView create(MeetingCreateRequest request) {
    check(request.scheduledStart(), request.scheduledEnd(), Boolean.TRUE.equals(request.requirePassword()),
        request.password());
    UUID id = UUID.randomUUID();
    MeetingView meeting = view(id, me, request.title(), "scheduled", request.scheduledStart(),
        request.scheduledEnd(), request.timeZone(), Boolean.TRUE.equals(request.requirePassword()),
        request.waitingRoomEnabled() == null || request.waitingRoomEnabled(), request.recurrenceRule(),
        request.meetingType());
    meetings.put(id, meeting);
    if (request.password() != null) {
      passwords.put(id, request.password());
    }
    return meeting;
  }

  @Override
  public MeetingView update(UUID meetingId, MeetingUpdateRequest request) {
    MeetingView old = get(meetingId);
    Instant start = request.scheduledStart() == null ? old.scheduledStart() : request.scheduledStart();
    Instant end = request.scheduledEnd() == null ? old.scheduledEnd() : request.scheduledEnd();
    boolean requirePassword = request.requirePassword() == null ? old.requirePassword() : request.requirePassword();
    if (request.password() != null || (requirePassword && !old.requirePassword())) {
      check(start, end, requirePassword, request.password());
    }
    String rule = request.recurrenceRule() == null ? old.recurrenceRule()
        : request.recurrenceRule().isEmpty() ? null : request.recurrenceRule();
    MeetingView changed = view(meetingId, old.hostUserId(),
        request.title() == null ? old.title() : request.title(), old.status(), start, end,
        request.timeZone() == null ? old.timeZone() : request.timeZone(), requirePassword,
        request.waitingRoomEnabled() == null ? old.waitingRoomEnabled() : request.waitingRoomEnabled(), rule,
        rule == null ? "scheduled" : "recurring");
    meetings.put(meetingId, changed);
    if (request.password() != null) {
      passwords.put(meetingId, request.password());
    }
    return changed;
  }

  @Override
  public void invite(UUID meetingId, String email) {
    get(meetingId);
    invitations.add(meetingId + " " + email);
  }

  private static void check(Instant start, Instant end, boolean requirePassword, String password) {
    if (start != null && end != null && !end.isAfter(start)) {
      throw new CallException("The end must be after the start.", "urn:convene:problem:invalid-time-range");
    }
    if (requirePassword && (password == null || password.length() < 4)) {
      throw new CallException("The password needs at least 4 characters.", "urn:convene:problem:validation");
    }
  }

  private MeetingView view(UUID id, UUID host, String title, String status, Instant start, Instant end,
      String zone, boolean requirePassword, boolean waitingRoom, String rule, String type) {
    MeetingView old = meetings.get(id);
    String code = old != null ? old.joinCode() : String.format("abc-%04d-xyz", ++codes);
    return new MeetingView(id, host, title, null, type, status, start, end, zone, null, null, null, 100,
        requirePassword, waitingRoom, false, false, true, true, true, false, code, "convene://join/" + code,
        "https://meet.example.com/j/" + code, Instant.EPOCH, Instant.EPOCH, rule);
  }
}
