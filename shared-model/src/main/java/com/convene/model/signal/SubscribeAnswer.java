package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The client's SDP answer to a [SubscribeOffer].
/// @param revision the offer's revision
/// @param sdp      complete SDP answer (`a=setup:active`: the SFU stays DTLS server)
public record SubscribeAnswer(int revision, String sdp) implements Signal {
  /// Wire name.
  public static final String TYPE = "subscribe-answer";

  public SubscribeAnswer {
    if (revision < 1) {
      throw new IllegalArgumentException("revision must be >= 1");
    }
    requireNonBlank(sdp, "sdp");
  }
}
