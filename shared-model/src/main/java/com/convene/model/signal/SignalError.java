package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

/// A typed error: the request failed, or a received frame could not be understood.
/// @param requestId id of the failed request, or null when none could be read
/// @param code      stable error code
/// @param message   safe, human-readable detail (no internals)
public record SignalError(String requestId, ErrorCode code, String message) implements Signal {
  /// Wire name.
  public static final String TYPE = "error";

  public SignalError {
    requireNonNull(code, "code");
    requireNonBlank(message, "message");
  }
}
