package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// Server reply to [Hello]: the session is ready for a [JoinRequest].
/// @param protocolVersion version the server will speak on this socket
/// @param connectionId    server-assigned id of this signaling connection (seed 000 `connection_id`)
/// @param userId          authenticated user's id (UUID text)
public record Welcome(int protocolVersion, String connectionId, String userId) implements Signal {
  /// Wire name.
  public static final String TYPE = "welcome";

  public Welcome {
    requireNonBlank(connectionId, "connectionId");
    requireNonBlank(userId, "userId");
  }
}
