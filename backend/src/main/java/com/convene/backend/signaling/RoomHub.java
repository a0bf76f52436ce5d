package com.convene.backend.signaling;

import com.convene.backend.meeting.MeetingService;
import com.convene.backend.meeting.ParticipantService;
import com.convene.backend.problem.ProblemException;
import com.convene.backend.problem.ProblemType;
import com.convene.backend.recording.LiveRecordingControl;
import com.convene.backend.recording.RecordingException;
import com.convene.backend.recording.RecordingService;
import com.convene.model.api.RecordingView;
import com.convene.model.signal.RecordingStarted;
import com.convene.backend.room.RoomStateService;
import com.convene.backend.room.SessionState;
import com.convene.model.api.MeetingView;
import com.convene.model.signal.ErrorCode;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.ParticipantLeft;
import com.convene.sfu.SfuServer;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The live rooms of this backend node: admits joiners (meeting checks, `meeting_participants` row, Redis
/// `meeting_room:{id}` and `session:{id}` per seed 000) and tears rooms down when the last one leaves.
///
/// Called from signaling sessions' serial executors (blocking JDBC and Redis calls are fine there).
@Singleton
final class RoomHub implements LiveRecordingControl {
  private static final Logger LOG = LoggerFactory.getLogger(RoomHub.class);

  /// Outcome of a join attempt.
  sealed interface Admission {
    /// Joined: `self` is the caller's public state in `room`.
    record Admitted(LiveRoom room, ParticipantInfo self) implements Admission {}

    /// Not joined, with the typed reason to send back.
    record Refused(ErrorCode code, String message) implements Admission {}
  }

  private final MeetingService meetings;
  private final ParticipantService participants;
  private final RoomStateService roomState;
  private final SfuServer sfu;
  private final SignalingMetrics metrics;
  private final RecordingService recordings;
  private final Map<String, LiveRoom> rooms = new HashMap<>();

  RoomHub(
      MeetingService meetings,
      ParticipantService participants,
      RoomStateService roomState,
      SfuServer sfu,
      SignalingMetrics metrics,
      RecordingService recordings) {
    this.meetings = meetings;
    this.participants = participants;
    this.roomState = roomState;
    this.sfu = sfu;
    this.metrics = metrics;
    this.recordings = recordings;
  }

  SignalingMetrics metrics() {
    return metrics;
  }

  /// Admits `session`'s user into the meeting named by `join` (id or join code).
  Admission admit(SignalingSession session, JoinRequest join) {
    MeetingView meeting;
    try {
      meeting = meetings.findForJoin(join.meeting());
    } catch (ProblemException e) {
      return refusal(e);
    }
    UUID userId = UUID.fromString(session.userId());
    String meetingId = meeting.id().toString();
    LiveRoom room;
    synchronized (this) {
      room = rooms.computeIfAbsent(
          meetingId,
          id -> newRoom(id, meeting));
      if (room.size() >= meeting.maxParticipants()) {
        return new Admission.Refused(ErrorCode.MEETING_FULL, "This meeting is full.");
      }
    }
    UUID participantId;
    try {
      participantId =
          participants.recordJoin(
              meeting.id(),
              userId,
              join.displayName(),
              session.connectionId(),
              session.remoteAddress(),
              session.userAgent());
    } catch (ProblemException e) {
      return refusal(e);
    }
    String role = meeting.hostUserId().equals(userId) ? "host" : "participant";
    boolean audioMuted = join.audioMuted() || meeting.muteOnEntry();
    ParticipantInfo self =
        new ParticipantInfo(
            participantId.toString(),
            userId.toString(),
            join.displayName(),
            role,
            audioMuted,
            join.videoMuted(),
            false,
            false);
    synchronized (this) {
      // the room may have been torn down while the row was written
      room = rooms.computeIfAbsent(
          meetingId, id -> newRoom(id, meeting));
      room.add(session, self);
    }
    roomState.openRoom(meeting.id(), meeting.allowChat(), false);
    roomState.addParticipant(meeting.id(), userId.toString());
    roomState.putSession(
        participantId,
        new SessionState(
            userId,
            meeting.id(),
            session.connectionId(),
            Instant.now(),
            audioMuted,
            !join.videoMuted(),
            List.of("publish", "subscribe"),
            List.of(),
            null,
            null));
    return new Admission.Admitted(room, self);
  }

  /// Takes `participantId` out of `room`: `left_at` written, Redis updated, the others told.
  void leave(LiveRoom room, String participantId, String reason) {
    boolean empty;
    synchronized (this) {
      empty = room.remove(participantId);
      if (empty) {
        rooms.remove(room.meetingId(), room);
        sfu.removeRoom(room.meetingId());
      }
    }
    room.broadcast(new ParticipantLeft(participantId, reason));
    UUID pid = UUID.fromString(participantId);
    UUID meetingId = UUID.fromString(room.meetingId());
    try {
      participants.recordLeave(pid);
      roomState.removeSession(pid);
      if (empty) {
        roomState.closeRoom(meetingId);
      } else {
        roomState.setScreenSharingUser(meetingId, null);
      }
    } catch (RuntimeException e) {
      LOG.warn("leave bookkeeping failed meetingId={} participantId={}", room.meetingId(), participantId, e);
    }
  }

  @Override
  public RecordingView start(UUID meetingId, UUID byUserId) {
    return startRecording(requireLive(meetingId), byUserId, false);
  }

  @Override
  public RecordingView stop(UUID meetingId) {
    LiveRoom room;
    synchronized (this) {
      room = rooms.get(meetingId.toString());
    }
    if (room == null) {
      return recordings.stop(meetingId); // nobody left to tell
    }
    return stopRecording(room);
  }

  /// Starts recording `room` and tells everyone in it.
  ///
  /// @throws RecordingException `recording-disabled` or `recording-already-running`
  RecordingView startRecording(LiveRoom room, UUID byUserId, boolean automatic) {
    UUID meetingId = UUID.fromString(room.meetingId());
    RecordingView started = recordings.start(meetingId, byUserId, room.sfuRoom(), room::sourceLabel);
    room.recordingStarted(new RecordingStarted(started.id().toString(), byUserId.toString(), automatic));
    try {
      roomState.setRecording(meetingId, true);
    } catch (RuntimeException e) {
      LOG.warn("room state not updated meetingId={}", meetingId, e);
    }
    return started;
  }

  /// Stops recording `room`, waits until its files are stored, and tells everyone in it.
  ///
  /// @throws RecordingException `recording-not-running`
  RecordingView stopRecording(LiveRoom room) {
    UUID meetingId = UUID.fromString(room.meetingId());
    RecordingView stopped = recordings.stop(meetingId);
    room.recordingStopped(stopped.id().toString(), "failed".equals(stopped.status()) ? "failed" : "stopped");
    try {
      roomState.setRecording(meetingId, false);
    } catch (RuntimeException e) {
      LOG.warn("room state not updated meetingId={}", meetingId, e);
    }
    return stopped;
  }

  /// Starts the recording of a room whose meeting has `auto_record`, once someone publishes; credited to the host.
  void autoRecord(LiveRoom room) {
    if (!room.autoRecord() || room.recording() != null) {
      return;
    }
    try {
      startRecording(room, UUID.fromString(room.hostUserId()), true);
    } catch (RecordingException e) {
      LOG.debug("auto-record not started meetingId={}: {}", room.meetingId(), e.getMessage());
    }
  }

  private LiveRoom requireLive(UUID meetingId) {
    synchronized (this) {
      LiveRoom room = rooms.get(meetingId.toString());
      if (room != null) {
        return room;
      }
    }
    meetings.get(meetingId); // not-found for an unknown meeting
    throw new RecordingException(ProblemType.MEETING_NOT_LIVE, "Nobody is in this meeting right now.");
  }

  private LiveRoom newRoom(String meetingId, MeetingView meeting) {
    return new LiveRoom(
        meetingId,
        meeting.title(),
        meeting.allowScreenShare(),
        meeting.recordingEnabled() && meeting.autoRecord(),
        meeting.hostUserId().toString(),
        sfu.room(meetingId));
  }

  private static Admission refusal(ProblemException e) {
    ErrorCode code =
        switch (e.type()) {
          case NOT_FOUND -> ErrorCode.MEETING_NOT_FOUND;
          case MEETING_CANCELLED, MEETING_ENDED -> ErrorCode.MEETING_CLOSED;
          case MEETING_PASSWORD_REQUIRED, FORBIDDEN -> ErrorCode.FORBIDDEN;
          default -> ErrorCode.INTERNAL_ERROR;
        };
    return new Admission.Refused(code, e.getMessage());
  }
}
