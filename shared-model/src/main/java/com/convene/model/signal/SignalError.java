package com.convene.model.signal;

import static com.convene.model.signal.Checks.requireNonBlank;
import static com.convene.model.signal.Checks.requireNonNull;

import com.fasterxml.jackson.annotation.JsonInclude;

/// A typed error: the request failed, or a received frame could not be understood.
/// @param requestId        id of the failed request, or null when none could be read
/// @param code             stable error code
/// @param message          safe, human-readable detail (no internals)
/// @param retryAfterMillis for [ErrorCode#RATE_LIMITED]: ms until one more request of this kind is allowed,
///                         1–86,400,000; null (omitted on the wire) otherwise (docs/decisions/093)
public record SignalError(String requestId, ErrorCode code, String message,
    @JsonInclude(JsonInclude.Include.NON_NULL) Long retryAfterMillis) implements Signal {
  /// Wire name.
  public static final String TYPE = "error";

  public SignalError {
    requireNonNull(code, "code");
    requireNonBlank(message, "message");
    if (retryAfterMillis != null && (retryAfterMillis < 1 || retryAfterMillis > 86_400_000L)) {
      throw new IllegalArgumentException("retryAfterMillis must be 1-86400000, got " + retryAfterMillis);
    }
  }

  /// An error without a retry time (the shape before `retryAfterMillis` was added).
  public SignalError(String requestId, ErrorCode code, String message) {
    this(requestId, code, message, null);
  }
}
