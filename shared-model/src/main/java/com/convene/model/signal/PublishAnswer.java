package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The SFU's SDP answer to a [PublishOffer]; the SFU is ICE-lite and always the DTLS server.
/// @param requestId id of the [PublishOffer]
/// @param sdp       complete SDP answer
public record PublishAnswer(String requestId, String sdp) implements Signal {
  /// Wire name.
  public static final String TYPE = "publish-answer";

  public PublishAnswer {
    requireNonBlank(requestId, "requestId");
    requireNonBlank(sdp, "sdp");
  }
}
