package com.convene.desktop.app.credentials;

/// A refresh-token store could not be read or written (keychain locked or gone, file unreadable, tampered with).
/// The app then asks for the password as before.
public final class CredentialsException extends RuntimeException {
  public CredentialsException(String message, Throwable cause) {
    super(message, cause);
  }
}
