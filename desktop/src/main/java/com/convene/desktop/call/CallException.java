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
  /// This app's own failure, shown from the UI bundle, or `null` (the message is the server's or technical).
  private final @Nullable CallProblem problem;

  /// One of this app's own failures; the screens show it in the user's language ([CallProblem#key()]).
  public CallException(CallProblem problem, @Nullable Throwable cause) {
    super(problem.english(), cause);
    this.problemType = null;
    this.problem = problem;
  }

  /// One of this app's own failures answering a server's problem type.
  public CallException(CallProblem problem, @Nullable String problemType) {
    super(problem.english());
    this.problemType = problemType;
    this.problem = problem;
  }

  public CallException(String message, Throwable cause) {
    super(message, cause);
    this.problemType = null;
    this.problem = null;
  }

  public CallException(String message, @Nullable String problemType) {
    super(message);
    this.problemType = problemType;
    this.problem = null;
  }

  /// This app's own failure, or `null` when the message came from the server (its problem `detail`) or is
  /// technical.
  public @Nullable CallProblem problem() {
    return problem;
  }

  /// The RFC 9457 problem `type` the server sent, or `null`.
  public @Nullable String problemType() {
    return problemType;
  }
}
