package com.convene.desktop.ui;

import com.convene.desktop.call.CallException;
import com.convene.desktop.call.CallProblem;
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

  /// What to show for a failure: this app's own problems ([CallProblem]) in the user's language, else the message
  /// (a server's problem `detail`, already written for people), else the generic "something went wrong".
  public static String describe(Throwable failure) {
    if (failure instanceof CallException e && e.problem() != null) {
      CallProblem problem = e.problem();
      return BUNDLE.containsKey(problem.key()) ? BUNDLE.getString(problem.key()) : problem.english();
    }
    if (failure instanceof CallException e && e.getMessage() != null && !e.getMessage().isBlank()) {
      return e.getMessage();
    }
    return get("error.generic");
  }
}
