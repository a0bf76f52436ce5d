package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/// First client message on a new signaling socket; the server answers [Welcome] or a
/// [SignalError] with [ErrorCode#PROTOCOL_VERSION_UNSUPPORTED] and closes with code 4400.
/// @param protocolVersion protocol version the client speaks, 1 or more
/// @param client          free-form client name and version, e.g. `convene-desktop/0.1.0`
/// @param capabilities    optional protocol features the client understands, at most 32 names of 1–64 characters,
///                        e.g. [#WAITING_ROOM_DELTAS]; empty (omitted on the wire) for clients that declare none
public record Hello(int protocolVersion, String client,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> capabilities) implements Signal {
  /// Wire name.
  public static final String TYPE = "hello";
  /// The protocol version this build speaks.
  public static final int PROTOCOL_VERSION = 1;
  /// Capability: send waiting-room changes as [WaitingRoomChanged] deltas instead of whole [WaitingRoomUpdated]
  /// lists (docs/decisions/093).
  public static final String WAITING_ROOM_DELTAS = "waiting-room-deltas";

  public Hello {
    if (protocolVersion < 1) {
      throw new IllegalArgumentException("protocolVersion must be >= 1");
    }
    requireNonBlank(client, "client");
    capabilities = capabilities == null ? List.of() : List.copyOf(capabilities);
    if (capabilities.size() > 32) {
      throw new IllegalArgumentException("at most 32 capabilities");
    }
    for (String c : capabilities) {
      requireNonBlank(c, "capability");
      if (c.length() > 64) {
        throw new IllegalArgumentException("capability names are at most 64 characters");
      }
    }
  }

  /// A `hello` without capabilities (the shape before they were added).
  public Hello(int protocolVersion, String client) {
    this(protocolVersion, client, List.of());
  }

  /// Whether the client declared `capability`.
  public boolean supports(String capability) {
    return capabilities.contains(capability);
  }
}
