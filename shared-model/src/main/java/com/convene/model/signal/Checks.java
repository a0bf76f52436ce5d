package com.convene.model.signal;

/// Invariant checks shared by the message records' compact constructors.
final class Checks {
  private Checks() {}

  /// Returns `value` when it is non-null and not blank.
  /// @throws IllegalArgumentException naming `field` otherwise
  static String requireNonBlank(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return value;
  }

  /// Returns `value` when non-null.
  /// @throws IllegalArgumentException naming `field` otherwise
  static <T> T requireNonNull(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException(field + " must not be null");
    }
    return value;
  }
}
