package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

/// First client message on a new signaling socket; the server answers [Welcome] or a
/// [SignalError] with [ErrorCode#PROTOCOL_VERSION_UNSUPPORTED] and closes with code 4400.
/// @param protocolVersion protocol version the client speaks, 1 or more
/// @param client          free-form client name and version, e.g. `convene-desktop/0.1.0`
public record Hello(int protocolVersion, String client) implements Signal {
  /// Wire name.
  public static final String TYPE = "hello";
  /// The protocol version this build speaks.
  public static final int PROTOCOL_VERSION = 1;

  public Hello {
    if (protocolVersion < 1) {
      throw new IllegalArgumentException("protocolVersion must be >= 1");
    }
    requireNonBlank(client, "client");
  }
}
