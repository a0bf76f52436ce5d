package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/// Reply to [JoinRequest]: the caller is in the room. The client now sends its [PublishOffer]; the server
/// follows with a [SubscribeOffer] whenever others publish.
/// @param requestId     id of the [JoinRequest]
/// @param meetingId     meeting id (UUID text)
/// @param title         meeting title
/// @param participantId the caller's participant id in this meeting (seed 000 `meeting_participants.participant_id`)
/// @param participants  everyone else already in the room
/// @param tracks        tracks already published by the others
/// @param resumeToken   secret for [ResumeRequest] after a lost socket: 128 random bits, base64url without padding
///                      (22 characters); null (omitted on the wire) from a server that cannot resume. Never
///                      logged: [#toString()] hides it
public record Joined(
    String requestId,
    String meetingId,
    String title,
    String participantId,
    List<ParticipantInfo> participants,
    List<TrackInfo> tracks,
    @JsonInclude(JsonInclude.Include.NON_NULL) String resumeToken)
    implements Signal {
  /// Wire name.
  public static final String TYPE = "joined";

  public Joined {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(meetingId, "meetingId");
    requireNonBlank(participantId, "participantId");
    participants = List.copyOf(requireNonNull(participants, "participants"));
    tracks = List.copyOf(requireNonNull(tracks, "tracks"));
    if (resumeToken != null && resumeToken.isBlank()) {
      throw new IllegalArgumentException("resumeToken must not be blank");
    }
  }

  /// A `joined` without a resume token (the shape before resume was added).
  public Joined(String requestId, String meetingId, String title, String participantId,
      List<ParticipantInfo> participants, List<TrackInfo> tracks) {
    this(requestId, meetingId, title, participantId, participants, tracks, null);
  }

  /// Hides the resume token from logs.
  @Override
  public String toString() {
    return "Joined[requestId=" + requestId + ", meetingId=" + meetingId + ", title=" + title + ", participantId="
        + participantId + ", participants=" + participants + ", tracks=" + tracks + ", resumeToken="
        + (resumeToken == null ? "null" : "***") + "]";
  }
}
