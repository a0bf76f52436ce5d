package com.convene.model.signal;

/// A signaling frame that could not be decoded: not JSON, unknown `type`, or a broken invariant.
/// The receiver answers [SignalError] with [ErrorCode#MALFORMED_MESSAGE] and keeps the socket open.
public final class SignalDecodeException extends Exception {
  private static final long serialVersionUID = 1L;

  /// @param message safe description of what was wrong (no frame content)
  /// @param cause   the parser's exception
  public SignalDecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
