package com.convene.desktop.app.credentials;

import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Picks the refresh-token store: the OS keychain when there is one, else the encrypted file in `userDir`.
/// The setting `token-store=file` forces the file (tests, machines whose keychain prompts).
public final class RefreshTokenStores {
  private static final Logger LOG = LoggerFactory.getLogger(RefreshTokenStores.class);

  private RefreshTokenStores() {}

  /// The store for this machine; logs which one at INFO. Blocking (D-Bus): off the FX thread.
  ///
  /// @param choice the `token-store` setting: `file`, or `auto` (the keychain when there is one)
  public static RefreshTokenStore open(Path userDir, String choice) {
    RefreshTokenStore store = "file".equalsIgnoreCase(choice.strip()) ? null
        : KeychainTokenStore.open().orElse(null);
    if (store == null) {
      store = new EncryptedFileTokenStore(userDir);
    }
    LOG.info("Stay signed in: refresh token kept in {}", store.kind());
    return store;
  }
}
