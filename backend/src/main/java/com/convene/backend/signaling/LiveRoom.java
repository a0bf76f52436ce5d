package com.convene.backend.signaling;

import com.convene.model.api.MeetingView;
import com.convene.model.signal.JoinRequest;
import com.convene.model.signal.MediaKind;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.RoomUpdated;
import com.convene.model.signal.RecordingStarted;
import com.convene.model.signal.RecordingStopped;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.TrackInfo;
import com.convene.model.signal.TrackSource;
import com.convene.model.signal.WaitingParticipant;
import com.convene.model.signal.WaitingRoomChanged;
import com.convene.model.signal.WaitingRoomUpdated;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuRoom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/// A meeting's live room on this node: who is in it, who waits to get in, what their tracks carry, the rules
/// in force (lock, `allow_screen_share`, `allow_chat`, `mute_on_entry`) and its SFU room.
///
/// Moderators are members with the `host` role or an admin account; only they receive [WaitingRoomUpdated].
/// The lock, the host hand-over and the removed-user list live here, on the node that holds the room, for the
/// room's lifetime (docs/decisions/040-live-room-rules-and-host-controls.md).
///
/// Capacity decisions live here, under this room's lock: places per user, seats held for the host and admins,
/// participants held for a resume counted apart, the waiting-room cap ([RoomSeats], decision 092); so do the
/// waiting-room change messages to moderators (decision 093).
///
/// Thread-safe: methods are synchronized and short; messages to members are queued on their sessions.
final class LiveRoom {
  private record Member(SignalingSession session, ParticipantInfo info, boolean admin) {}

  /// A joiner in the waiting room with the request it will be admitted under.
  record Waiter(SignalingSession session, WaitingParticipant info, JoinRequest join) {}

  private final String meetingId;
  private final String title;
  private final boolean autoRecord;
  private final String hostUserId;
  private final SfuRoom sfuRoom;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, Waiter> waiters = new LinkedHashMap<>();
  private final Map<String, MediaSource> sourcesByTrackId = new HashMap<>();
  private final Set<String> removedUserIds = new HashSet<>();
  private boolean allowScreenShare;
  private boolean allowChat;
  private boolean allowReactions;
  private int maxParticipants;
  private boolean locked;
  private final RoomSeats seats;

  private RecordingStarted recording;

  /// Why a place in the room or its waiting room was refused (docs/decisions/092-room-capacity.md): no seat free
  /// for this joiner (all taken, or the rest held for the host and admins); its user holds `devices-per-user`
  /// places already; the waiting room holds `waiting-room-max` joiners.
  enum Refusal { MEETING_FULL, TOO_MANY_DEVICES, WAITING_ROOM_FULL }

  LiveRoom(MeetingView meeting, SfuRoom sfuRoom, RoomCapacityConfig capacity) {
    this.seats = new RoomSeats(capacity);
    this.allowReactions = meeting.allowReactions();
    this.meetingId = meeting.id().toString();
    this.title = meeting.title();
    this.autoRecord = meeting.recordingEnabled() && meeting.autoRecord();
    this.hostUserId = meeting.hostUserId().toString();
    this.sfuRoom = sfuRoom;
    this.allowScreenShare = meeting.allowScreenShare();
    this.allowChat = meeting.allowChat();
    this.maxParticipants = meeting.maxParticipants();
  }

  /// Whether the meeting's `auto_record` is set (seed 000).
  boolean autoRecord() {
    return autoRecord;
  }

  /// The host's user id, who is credited with automatic recordings.
  String hostUserId() {
    return hostUserId;
  }

  /// The running recording's announcement, or null.
  synchronized RecordingStarted recording() {
    return recording;
  }

  /// Marks a recording as running and tells everyone.
  synchronized void recordingStarted(RecordingStarted started) {
    recording = started;
    broadcast(started);
  }

  /// Marks the recording `recordingId` as ended and tells everyone; no-op when another one runs.
  synchronized void recordingStopped(String recordingId, String reason) {
    if (recording != null && recording.recordingId().equals(recordingId)) {
      recording = null;
      broadcast(new RecordingStopped(recordingId, reason));
    }
  }

  /// The recording file label of a track: `camera`, `microphone` or `screen`.
  String sourceLabel(PublishedTrack track) {
    return trackInfo(track).source().name().toLowerCase(java.util.Locale.ROOT);
  }

  String meetingId() {
    return meetingId;
  }

  String title() {
    return title;
  }

  SfuRoom sfuRoom() {
    return sfuRoom;
  }

  /// Takes the meeting's current `allow_screen_share`, `allow_chat` and `max_participants` (read afresh at
  /// every join).
  synchronized void refreshRules(MeetingView meeting) {
    allowScreenShare = meeting.allowScreenShare();
    allowChat = meeting.allowChat();
    allowReactions = meeting.allowReactions();
    maxParticipants = meeting.maxParticipants();
  }

  /// Whether reactions may be sent: the meeting's `allow_reactions` (read afresh at every join).
  synchronized boolean reactionsAllowed() {
    return allowReactions;
  }

  synchronized int size() {
    return members.size();
  }

  /// Whether nobody is in the room or waiting for it (the room can be torn down).
  synchronized boolean abandoned() {
    return members.isEmpty() && waiters.isEmpty() && seats.reserved() == 0;
  }

  // ---- admission ----

  /// Reserves a place for a joiner of `userId` being recorded (docs/decisions/092-room-capacity.md); a reserved
  /// room is never torn down.
  ///
  /// A user holds at most `devices-per-user` places (joined, held for a resume, reserved or waiting). Seats are
  /// counted over attached members and reservations only: a participant held for a resume after its socket
  /// dropped does not take a seat from the others (its user's places still count it). Of `max_participants`,
  /// `held-seats` (at most `max_participants` - 1) stay free for the host and admins until as many of them are in.
  ///
  /// @param privileged the joiner is the meeting's host or an admin (may take the held seats)
  /// @return empty when reserved, else why not
  synchronized Optional<Refusal> reserveSeat(String userId, boolean privileged) {
    if (!seats.placeLeft(placesOf(userId))) {
      return Optional.of(Refusal.TOO_MANY_DEVICES);
    }
    if (!seatFree(privileged)) {
      return Optional.of(Refusal.MEETING_FULL);
    }
    seats.reserve(userId);
    return Optional.empty();
  }

  /// Places `userId` holds: members (attached or held for a resume), reservations and waiting-room entries.
  private int placesOf(String userId) {
    int places = seats.reservedBy(userId);
    for (Member m : members.values()) {
      if (m.info().userId().equals(userId)) {
        places++;
      }
    }
    for (Waiter w : waiters.values()) {
      if (w.info().userId().equals(userId)) {
        places++;
      }
    }
    return places;
  }

  private boolean seatFree(boolean privileged) {
    int attached = 0;
    int privilegedIn = 0;
    for (Member m : members.values()) {
      if (!m.session().detached()) {
        attached++;
        if (m.admin() || "host".equals(m.info().role()) || m.info().userId().equals(hostUserId)) {
          privilegedIn++;
        }
      }
    }
    return seats.seatFree(attached, privilegedIn, maxParticipants, privileged);
  }

  /// Gives back a place reserved for `userId`.
  synchronized void releaseSlot(String userId) {
    seats.release(userId);
  }

  /// Adds a member in place of a reserved slot.
  synchronized void add(SignalingSession session, ParticipantInfo info, boolean admin) {
    releaseSlot(info.userId());
    members.put(info.participantId(), new Member(session, info, admin));
  }

  /// Removes a member; returns whether the room is now abandoned.
  synchronized boolean remove(String participantId) {
    members.remove(participantId);
    return abandoned();
  }

  synchronized boolean locked() {
    return locked;
  }

  synchronized void setLocked(boolean value) {
    locked = value;
  }

  /// Remembers a removed user so it cannot rejoin while the room lives.
  synchronized void banUser(String userId) {
    removedUserIds.add(userId);
  }

  synchronized boolean banned(String userId) {
    return removedUserIds.contains(userId);
  }

  /// Puts a joiner into the waiting room and tells the moderators, unless its user holds `devices-per-user`
  /// places already or the waiting room holds `waiting-room-max` joiners.
  ///
  /// @return empty when it waits now, else why not
  synchronized Optional<Refusal> addWaiter(Waiter waiter) {
    if (!seats.placeLeft(placesOf(waiter.info().userId()))) {
      return Optional.of(Refusal.TOO_MANY_DEVICES);
    }
    if (!seats.waitingRoomHasRoom(waiters.size())) {
      return Optional.of(Refusal.WAITING_ROOM_FULL);
    }
    waiters.put(waiter.info().waitingId(), waiter);
    announceWaitingChange(List.of(waiter.info()), List.of());
    return Optional.empty();
  }

  /// Takes a joiner out of the waiting room (telling the moderators); empty when nobody waits under `waitingId`.
  synchronized Optional<Waiter> takeWaiter(String waitingId) {
    Waiter w = waiters.remove(waitingId);
    if (w != null) {
      announceWaitingChange(List.of(), List.of(waitingId));
    }
    return Optional.ofNullable(w);
  }

  /// Takes a joiner out of the waiting room and reserves its place; empty when nobody waits under `waitingId`.
  /// Its user's place limit was checked when it started waiting; the seat check is [#reserveSeat]'s.
  /// @throws RoomFullException when no seat is free (the joiner keeps waiting)
  synchronized Optional<Waiter> admitWaiter(String waitingId) throws RoomFullException {
    Waiter w = waiters.get(waitingId);
    if (w == null) {
      return Optional.empty();
    }
    if (!seatFree(false)) {
      throw new RoomFullException();
    }
    waiters.remove(waitingId);
    seats.reserve(w.info().userId());
    announceWaitingChange(List.of(), List.of(waitingId));
    return Optional.of(w);
  }

  /// The room holds `max_participants` already.
  static final class RoomFullException extends Exception {
    private static final long serialVersionUID = 1L;

    RoomFullException() {
      super("room full", null, false, false);
    }
  }

  synchronized List<Waiter> takeAllWaiters() {
    List<Waiter> all = List.copyOf(waiters.values());
    waiters.clear();
    if (!all.isEmpty()) {
      announceWaitingChange(List.of(), all.stream().map(w -> w.info().waitingId()).toList());
    }
    return all;
  }

  synchronized List<WaitingParticipant> waitingList() {
    return waiters.values().stream().map(Waiter::info).toList();
  }

  // ---- members ----

  synchronized Optional<ParticipantInfo> participant(String participantId) {
    return Optional.ofNullable(members.get(participantId)).map(Member::info);
  }

  synchronized Optional<SignalingSession> sessionOf(String participantId) {
    return Optional.ofNullable(members.get(participantId)).map(Member::session);
  }

  /// Whether the member may use host controls: it holds the `host` role or signed in as an admin.
  synchronized boolean isModerator(String participantId) {
    Member m = members.get(participantId);
    return m != null && (m.admin() || "host".equals(m.info().role()));
  }

  synchronized List<ParticipantInfo> participantsExcept(String participantId) {
    List<ParticipantInfo> out = new ArrayList<>();
    members.forEach((id, m) -> {
      if (!id.equals(participantId)) {
        out.add(m.info());
      }
    });
    return out;
  }

  synchronized List<String> userIds() {
    return members.values().stream().map(m -> m.info().userId()).toList();
  }

  List<TrackInfo> tracksExcept(String participantId) {
    return sfuRoom.tracks().stream()
        .filter(t -> !t.participantId().equals(participantId))
        .map(this::trackInfo)
        .toList();
  }

  /// Whether `sources` may be published: a screen track needs the meeting's `allow_screen_share`
  /// (seed 000) or a moderator.
  synchronized boolean maySharescreen(String participantId, List<TrackSource> sources) {
    boolean wantsScreen = sources.stream().anyMatch(s -> s.source() == MediaSource.SCREEN);
    return !wantsScreen || allowScreenShare || isModerator(participantId);
  }

  /// Whether chat messages may be sent in this room: the meeting's `allow_chat`. The chat handler (issue 4,
  /// data platform) answers `CHAT_DISABLED` when this is false.
  synchronized boolean chatAllowed() {
    return allowChat;
  }

  /// The rules as the clients see them.
  synchronized RoomUpdated rules() {
    return new RoomUpdated(locked, allowChat, allowScreenShare);
  }

  synchronized void declareSources(String participantId, List<TrackSource> sources) {
    for (TrackSource s : sources) {
      sourcesByTrackId.put(participantId + "/" + s.trackId(), s.source());
    }
  }

  /// The protocol view of an SFU track; tracks without a declared source count as camera or microphone.
  synchronized TrackInfo trackInfo(PublishedTrack track) {
    MediaKind kind = track.kind() == com.convene.sfu.MediaKind.AUDIO ? MediaKind.AUDIO : MediaKind.VIDEO;
    MediaSource fallback = kind == MediaKind.AUDIO ? MediaSource.MICROPHONE : MediaSource.CAMERA;
    MediaSource source =
        sourcesByTrackId.getOrDefault(track.participantId() + "/" + track.trackId(), fallback);
    return new TrackInfo(track.participantId(), track.trackId(), kind, source);
  }

  synchronized ParticipantInfo updateMediaState(String participantId, SetMediaState media) {
    ParticipantInfo old = members.get(participantId).info();
    return replace(
        new ParticipantInfo(
            old.participantId(),
            old.userId(),
            old.displayName(),
            old.role(),
            media.audioMuted(),
            media.videoMuted(),
            media.screenSharing(),
            old.handRaised()));
  }

  /// Raises or lowers a member's hand.
  synchronized ParticipantInfo setHandRaised(String participantId, boolean raised) {
    ParticipantInfo old = members.get(participantId).info();
    return replace(
        new ParticipantInfo(
            old.participantId(),
            old.userId(),
            old.displayName(),
            old.role(),
            old.audioMuted(),
            old.videoMuted(),
            old.screenSharing(),
            raised));
  }

  /// Marks one medium of a member off (a host control); empty when the member is gone.
  synchronized Optional<ParticipantInfo> markMediaOff(String participantId, MediaSource source) {
    Member m = members.get(participantId);
    if (m == null) {
      return Optional.empty();
    }
    ParticipantInfo old = m.info();
    return Optional.of(
        replace(
            new ParticipantInfo(
                old.participantId(),
                old.userId(),
                old.displayName(),
                old.role(),
                old.audioMuted() || source == MediaSource.MICROPHONE,
                old.videoMuted() || source == MediaSource.CAMERA,
                old.screenSharing() && source != MediaSource.SCREEN,
                old.handRaised())));
  }

  /// Gives `participantId` the `host` role and every other holder the `participant` role; returns the
  /// members whose role changed.
  synchronized List<ParticipantInfo> handOverHost(String participantId) {
    List<ParticipantInfo> changed = new ArrayList<>();
    for (Member m : List.copyOf(members.values())) {
      ParticipantInfo old = m.info();
      String role = old.participantId().equals(participantId) ? "host" : "participant";
      if (!role.equals(old.role())) {
        changed.add(
            replace(
                new ParticipantInfo(
                    old.participantId(),
                    old.userId(),
                    old.displayName(),
                    role,
                    old.audioMuted(),
                    old.videoMuted(),
                    old.screenSharing(),
                    old.handRaised())));
      }
    }
    return changed;
  }

  private ParticipantInfo replace(ParticipantInfo updated) {
    Member m = members.get(updated.participantId());
    members.put(updated.participantId(), new Member(m.session(), updated, m.admin()));
    return updated;
  }

  synchronized void broadcast(Signal signal) {
    members.values().forEach(m -> m.session().deliver(signal));
  }

  synchronized void broadcastExcept(String participantId, Signal signal) {
    members.forEach((id, m) -> {
      if (!id.equals(participantId)) {
        m.session().deliver(signal);
      }
    });
  }

  /// Tells every moderator what changed in the waiting room, under the lock that made the change so that
  /// changes reach each moderator in the order they happened: a [WaitingRoomChanged] delta to clients that declared
  /// [com.convene.model.signal.Hello#WAITING_ROOM_DELTAS], the whole [WaitingRoomUpdated] list to the others
  /// (docs/decisions/093-rate-limits.md).
  private void announceWaitingChange(List<WaitingParticipant> added, List<String> removed) {
    WaitingRoomChanged delta = new WaitingRoomChanged(added, removed, false);
    WaitingRoomUpdated whole = null;
    for (Map.Entry<String, Member> e : members.entrySet()) {
      if (isModerator(e.getKey())) {
        SignalingSession s = e.getValue().session();
        if (s.waitingRoomDeltas()) {
          s.deliver(delta);
        } else {
          if (whole == null) {
            whole = new WaitingRoomUpdated(waitingList());
          }
          s.deliver(whole);
        }
      }
    }
  }

  /// The whole waiting room for one moderator that just got host rights or joined: a resetting
  /// [WaitingRoomChanged] for delta clients, a [WaitingRoomUpdated] for the others.
  synchronized Signal waitingRoomFor(SignalingSession moderator) {
    return moderator.waitingRoomDeltas()
        ? new WaitingRoomChanged(waitingList(), List.of(), true)
        : new WaitingRoomUpdated(waitingList());
  }

  /// Every member session, for ending the meeting.
  synchronized List<SignalingSession> sessions() {
    return members.values().stream().map(Member::session).toList();
  }
}
