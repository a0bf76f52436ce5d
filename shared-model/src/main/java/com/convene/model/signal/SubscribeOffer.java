package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The SFU's SDP offer for the client's subscribe PeerConnection: one sendonly m-line per remote track,
/// `a=msid:<participantId> <trackId>`. Sent again (renegotiation) whenever tracks come and go; at most one
/// is outstanding until its [SubscribeAnswer].
/// @param revision increasing offer number, 1 or more, echoed by the answer
/// @param sdp      complete SDP offer
public record SubscribeOffer(int revision, String sdp) implements Signal {
  /// Wire name.
  public static final String TYPE = "subscribe-offer";

  public SubscribeOffer {
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1");
    }
    requireNonBlank(sdp, "sdp");
  }
}
