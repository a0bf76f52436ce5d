package com.convene.desktop.app.credentials;

import java.util.Optional;

/// Keeps one refresh token per account (`<user>@<server URL>`) between runs of the app. Implementations block
/// (D-Bus, file IO): call them off the FX thread. Tokens are never logged.
public interface RefreshTokenStore {
  /// The stored token of `account`, or empty.
  ///
  /// @throws CredentialsException when the store cannot be read
  Optional<String> load(String account);

  /// Stores `refreshToken` for `account`, replacing an older one.
  ///
  /// @throws CredentialsException when the store cannot be written
  void save(String account, String refreshToken);

  /// Forgets the token of `account` (sign out); no-op when none is stored.
  ///
  /// @throws CredentialsException when the store cannot be written
  void delete(String account);

  /// Which store this is, for the log and the decision record: `"os-keychain (…)"` or `"encrypted-file"`.
  String kind();

  /// The account key for a server and user name.
  static String account(String serverUrl, String username) {
    return username + "@" + serverUrl;
  }
}
