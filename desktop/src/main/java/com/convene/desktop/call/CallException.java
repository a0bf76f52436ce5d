package com.convene.desktop.call;

import org.jspecify.annotations.Nullable;

/// Root of the call feature's failures: REST, signaling and media negotiation.
///
/// `getMessage()` is safe to show a user (it is the server's problem `detail` or a fixed phrase);
/// the cause carries the technical detail for the log.
public class CallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /// Stable problem type URI from the server, or `null` when the failure was local.
  private final @Nullable String problemType;

  public CallException(String message, Throwable cause) {
    super(message, cause);
    this.problemType = null;
  }

  public CallException(String message, @Nullable String problemType) {
    super(message);
    this.problemType = problemType;
  }

  /// The RFC 9457 problem `type` the server sent, or `null`.
  public @Nullable String problemType() {
    return problemType;
  }
}
