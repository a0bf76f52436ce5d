package com.convene.desktop.ui;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/// The UI text bundle `com.convene.desktop.ui.messages` for the default locale. Thread-safe.
public final class Messages {
  private static final ResourceBundle BUNDLE =
      ResourceBundle.getBundle("com.convene.desktop.ui.messages", Locale.getDefault());

  private Messages() {}

  /// The bundle, for views that bind many keys.
  public static ResourceBundle bundle() {
    return BUNDLE;
  }

  /// Text for `key`, formatted with `args` ([MessageFormat]); the key itself when missing.
  public static String get(String key, Object... args) {
    try {
      String pattern = BUNDLE.getString(key);
      return args.length == 0 ? pattern : MessageFormat.format(pattern, args);
    } catch (MissingResourceException e) {
      return key;
    }
  }
}
