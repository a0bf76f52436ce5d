package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

import com.fasterxml.jackson.annotation.JsonInclude;

/// Server reply to [Hello]: the session is ready for a [JoinRequest].
/// @param protocolVersion version the server will speak on this socket
/// @param connectionId    server-assigned id of this signaling connection (seed 000 `connection_id`)
/// @param userId          authenticated user's id (UUID text)
/// @param pingIntervalMillis how often the server pings this socket (RFC 6455 §5.5.2), ms, so the client can tell
///                        a silent server from a quiet one (docs/decisions/086-dead-socket-detection.md); null from
///                        servers that do not say
public record Welcome(int protocolVersion, String connectionId, String userId,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long pingIntervalMillis) implements Signal {
  /// Wire name.
  public static final String TYPE = "welcome";

  public Welcome {
    requireNonBlank(connectionId, "connectionId");
    requireNonBlank(userId, "userId");
    if (pingIntervalMillis != null && pingIntervalMillis <= 0) {
      throw new IllegalArgumentException("pingIntervalMillis must be positive, got " + pingIntervalMillis);
    }
  }

  /// A `welcome` without a ping interval (the shape before pings were announced).
  public Welcome(int protocolVersion, String connectionId, String userId) {
    this(protocolVersion, connectionId, userId, null);
  }
}
