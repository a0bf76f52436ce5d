package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// The client raises or lowers its own hand; everyone gets [ParticipantUpdated] with
/// [ParticipantInfo#handRaised()] set accordingly.
/// @param requestId client-chosen id, echoed in a [SignalError] if refused
/// @param raised    `true` to raise the hand, `false` to lower it
public record RaiseHand(String requestId, boolean raised) implements Signal {
  /// Wire name.
  public static final String TYPE = "raise-hand";

  public RaiseHand {
    requireNonBlank(requestId, "requestId");
  }
}
