package com.convene.model.signal;

/// The client is still there: sent every 60 s while the socket is open. The server refreshes the user's
/// `presence:{user_id}` key (seed 000, EX 300 s), so presence outlives a missed beat or two but not a dead client.
/// No reply.
public record Heartbeat() implements Signal {
  /// Wire name.
  public static final String TYPE = "heartbeat";
}
