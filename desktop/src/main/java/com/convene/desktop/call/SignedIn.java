package com.convene.desktop.call;

import com.convene.model.api.UserView;
import java.net.URI;

/// A successful sign-in: where, as whom, and the bearer token for REST and signaling.
/// @param serverUrl   REST base URL, e.g. `http://127.0.0.2:8080`
/// @param accessToken JWT bearer token (RFC 6750); never logged
/// @param user        the account
public record SignedIn(URI serverUrl, String accessToken, UserView user) {
  /// Hides the token from logs.
  @Override
  public String toString() {
    return "SignedIn[serverUrl=" + serverUrl + ", user=" + user.username() + "]";
  }
}
