package com.convene.desktop.app.credentials;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The OS keychain through java-keyring: on Linux the freedesktop Secret Service over D-Bus (GNOME Keyring,
/// KWallet 5.97+, KeePassXC), on macOS the Keychain, on Windows the Credential Manager. Entries are the service
/// [#SERVICE] and the account. Thread-safe (one keyring, synchronized).
public final class KeychainTokenStore implements RefreshTokenStore {
  /// The keychain's service name of every entry.
  public static final String SERVICE = "Convene";
  private static final Logger LOG = LoggerFactory.getLogger(KeychainTokenStore.class);
  private final Keyring keyring;

  private KeychainTokenStore(Keyring keyring) {
    this.keyring = keyring;
  }

  /// The keychain when the OS offers one now (on Linux: a Secret Service answers on the session bus), else
  /// empty. Blocking (D-Bus).
  public static Optional<RefreshTokenStore> open() {
    try {
      return Optional.of(new KeychainTokenStore(Keyring.create()));
    } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
      LOG.info("No OS keychain available: {}", e.toString());
      return Optional.empty();
    }
  }

  @Override
  public synchronized Optional<String> load(String account) {
    try {
      String token = keyring.getPassword(SERVICE, account);
      return token == null || token.isEmpty() ? Optional.empty() : Optional.of(token);
    } catch (PasswordAccessException e) {
      // java-keyring reports a missing entry this way too
      LOG.debug("No keychain entry for {}: {}", account, e.getMessage());
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new CredentialsException("keychain unreadable", e);
    }
  }

  @Override
  public synchronized void save(String account, String refreshToken) {
    try {
      keyring.setPassword(SERVICE, account, refreshToken);
    } catch (PasswordAccessException | RuntimeException e) {
      throw new CredentialsException("keychain not writable", e);
    }
  }

  @Override
  public synchronized void delete(String account) {
    try {
      keyring.deletePassword(SERVICE, account);
    } catch (PasswordAccessException e) {
      LOG.debug("Nothing to delete in the keychain for {}", account);
    } catch (RuntimeException e) {
      throw new CredentialsException("keychain not writable", e);
    }
  }

  @Override
  public String kind() {
    return "os-keychain (" + keyring.getKeyringStorageType() + ")";
  }
}
