package com.convene.desktop.call;

import org.jspecify.annotations.Nullable;

/// The server no longer accepts this sign-in (the refresh token is spent, expired or revoked, or the account was
/// disabled): the user has to sign in again. The app answers it by showing the sign-in screen with this message.
public final class SessionExpiredException extends CallException {
  private static final long serialVersionUID = 1L;

  /// @param problem     [CallProblem#SESSION_EXPIRED] or [CallProblem#ACCOUNT_DISABLED]
  /// @param problemType the server's RFC 9457 problem type, e.g. `urn:convene:problem:invalid-refresh-token`
  public SessionExpiredException(CallProblem problem, @Nullable String problemType) {
    super(problem, problemType);
  }
}
