package com.convene.backend.signaling;

import com.convene.model.signal.MediaKind;
import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.TrackInfo;
import com.convene.model.signal.TrackSource;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuRoom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/// A meeting's live room on this node: who is in it, what their tracks carry, and its SFU room.
///
/// Thread-safe: methods are synchronized and short; messages to members are queued on their sessions.
final class LiveRoom {
  private record Member(SignalingSession session, ParticipantInfo info) {}

  private final String meetingId;
  private final String title;
  private final boolean allowScreenShare;
  private final boolean allowChat;
  private final SfuRoom sfuRoom;
  private final Map<String, Member> members = new LinkedHashMap<>();
  private final Map<String, MediaSource> sourcesByTrackId = new HashMap<>();

  LiveRoom(String meetingId, String title, boolean allowScreenShare, boolean allowChat, SfuRoom sfuRoom) {
    this.meetingId = meetingId;
    this.title = title;
    this.allowScreenShare = allowScreenShare;
    this.allowChat = allowChat;
    this.sfuRoom = sfuRoom;
  }

  String meetingId() {
    return meetingId;
  }

  String title() {
    return title;
  }

  /// The meeting's `allow_chat` (seed 000) when the room opened.
  boolean allowChat() {
    return allowChat;
  }

  SfuRoom sfuRoom() {
    return sfuRoom;
  }

  synchronized int size() {
    return members.size();
  }

  synchronized void add(SignalingSession session, ParticipantInfo info) {
    members.put(info.participantId(), new Member(session, info));
  }

  /// Removes a member; returns whether the room is now empty.
  synchronized boolean remove(String participantId) {
    members.remove(participantId);
    return members.isEmpty();
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
  /// (seed 000) or the host role.
  synchronized boolean maySharescreen(String participantId, List<TrackSource> sources) {
    boolean wantsScreen = sources.stream().anyMatch(s -> s.source() == MediaSource.SCREEN);
    if (!wantsScreen || allowScreenShare) {
      return true;
    }
    Member m = members.get(participantId);
    return m != null && "host".equals(m.info().role());
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

  /// The current public state of a member.
  synchronized ParticipantInfo participant(String participantId) {
    return members.get(participantId).info();
  }

  synchronized ParticipantInfo updateMediaState(String participantId, SetMediaState media) {
    Member m = members.get(participantId);
    ParticipantInfo old = m.info();
    ParticipantInfo updated =
        new ParticipantInfo(
            old.participantId(),
            old.userId(),
            old.displayName(),
            old.role(),
            media.audioMuted(),
            media.videoMuted(),
            media.screenSharing(),
            old.handRaised());
    members.put(participantId, new Member(m.session(), updated));
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
}
