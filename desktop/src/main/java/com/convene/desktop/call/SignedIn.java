package com.convene.desktop.call;

import com.convene.model.api.UserView;
import java.net.URI;

/// A successful sign-in: where, as whom, and the bearer tokens for REST and signaling.
/// @param serverUrl REST base URL, e.g. `http://127.0.0.2:8080`
/// @param tokens    the access token (JWT, RFC 6750) and the refresh token that renews it; never logged
/// @param user      the account
public record SignedIn(URI serverUrl, SessionTokens tokens, UserView user) {

  /// A sign-in with one access token that is never renewed.
  public SignedIn(URI serverUrl, String accessToken, UserView user) {
    this(serverUrl, SessionTokens.fixed(accessToken), user);
  }

  /// The access token to send now, renewed first when it is about to expire. Blocks while renewing: not on the
  /// FX thread.
  ///
  /// @throws SessionExpiredException when the server no longer accepts this sign-in
  public String accessToken() {
    return tokens.current();
  }

  /// Hides the tokens from logs.
  @Override
  public String toString() {
    return "SignedIn[serverUrl=" + serverUrl + ", user=" + user.username() + "]";
  }
}
