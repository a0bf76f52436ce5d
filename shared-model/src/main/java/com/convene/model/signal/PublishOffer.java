package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

import java.util.List;

/// SDP offer of the client's publish PeerConnection (RFC 3264, RFC 8866), sent after [Joined] and again
/// whenever the client adds or removes a track. Answered by [PublishAnswer] or a [SignalError] with
/// [ErrorCode#SDP_REJECTED].
/// @param requestId client-chosen id echoed in the answer
/// @param sdp       complete SDP offer (recvonly answers for Opus and VP8 come back)
/// @param sources   what each offered track is (camera, microphone, screen), keyed by MediaStreamTrack id
public record PublishOffer(String requestId, String sdp, List<TrackSource> sources) implements Signal {
  /// Wire name.
  public static final String TYPE = "publish-offer";

  public PublishOffer {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(sdp, "sdp");
    sources = List.copyOf(requireNonNull(sources, "sources"));
  }
}
