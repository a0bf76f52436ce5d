package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

import java.util.List;

/// Reply to [JoinRequest]: the caller is in the room. The client now sends its [PublishOffer]; the server
/// follows with a [SubscribeOffer] whenever others publish.
/// @param requestId     id of the [JoinRequest]
/// @param meetingId     meeting id (UUID text)
/// @param title         meeting title
/// @param participantId the caller's participant id in this meeting (seed 000 `meeting_participants.participant_id`)
/// @param participants  everyone else already in the room
/// @param tracks        tracks already published by the others
public record Joined(
    String requestId,
    String meetingId,
    String title,
    String participantId,
    List<ParticipantInfo> participants,
    List<TrackInfo> tracks)
    implements Signal {
  /// Wire name.
  public static final String TYPE = "joined";

  public Joined {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(meetingId, "meetingId");
    requireNonBlank(participantId, "participantId");
    participants = List.copyOf(requireNonNull(participants, "participants"));
    tracks = List.copyOf(requireNonNull(tracks, "tracks"));
  }
}
