package com.convene.backend.signaling;

import com.convene.model.signal.MediaSource;
import com.convene.model.signal.ParticipantInfo;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.SfuParticipant;

/// Makes the SFU forward a participant's tracks only while its media state says they are on (issue 15 finding 6):
/// a microphone while not muted, a camera while video is not muted, a screen track while sharing. A client that
/// ignores `media-stopped` (or its own mute) then reaches nobody; the SFU counts its packets as `track_muted`.
/// Called on the participant's signaling thread after each change of its media state and after each publish.
final class TrackForwarding {

  private TrackForwarding() {}

  /// Applies `info`'s media state to every track its participant publishes in `room`'s SFU room.
  static void apply(LiveRoom room, ParticipantInfo info) {
    SfuParticipant publisher = room.sfuRoom().participant(info.participantId());
    if (publisher == null) {
      return;
    }
    for (PublishedTrack track : room.sfuRoom().tracks()) {
      if (!track.participantId().equals(info.participantId())) {
        continue;
      }
      MediaSource source = room.trackInfo(track).source();
      boolean on = switch (source) {
        case MICROPHONE -> !info.audioMuted();
        case CAMERA -> !info.videoMuted();
        case SCREEN -> info.screenSharing();
      };
      publisher.setTrackForwarding(track.trackId(), on);
    }
  }
}
