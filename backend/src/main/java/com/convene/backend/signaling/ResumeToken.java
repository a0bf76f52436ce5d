package com.convene.backend.signaling;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/// The secret a client shows to resume its participant on a new socket: 128 bits from [SecureRandom],
/// base64url without padding (22 characters, RFC 4648 §5). Never logged.
final class ResumeToken {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int BYTES = 16;

  private ResumeToken() {}

  /// A new random token.
  static String next() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /// Whether `presented` equals `expected`, in time independent of where they differ.
  static boolean matches(String expected, String presented) {
    return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
  }
}
