package com.convene.desktop.call;

/// A failure of this app (not a problem the server described) that a person is shown: a stable key into the UI's
/// resource bundle (`error.*` in `messages.properties`) and the English text used for logs and when a bundle lacks
/// the key. Keeps the `call` package free of the UI bundle while the screens show these in the user's language.
public enum CallProblem {
  /// The sign-in screen's server field does not hold an `http(s)://host` address.
  BAD_SERVER_ADDRESS("error.badServerAddress", "Enter the server address, e.g. https://meet.example.com."),
  /// No TCP connection or no HTTP answer (wrong address, server down, no network).
  SERVER_UNREACHABLE("error.serverUnreachable", "Could not reach the server. Check the address and your connection."),
  /// The work was interrupted (the app is closing).
  CANCELLED("error.cancelled", "Cancelled."),
  /// A 2xx answer whose JSON this version cannot read (server much newer or not Convene).
  UNREADABLE_ANSWER("error.unreadableAnswer", "The server sent an answer this app does not understand."),
  /// 401 at login.
  WRONG_CREDENTIALS("error.wrongCredentials", "Wrong user name or password."),
  /// 403 without a problem body.
  NOT_ALLOWED("error.notAllowed", "You are not allowed to do that."),
  /// 404 without a problem body.
  NOT_FOUND("error.notFound", "Not found."),
  /// Any other error status without a problem body.
  SERVER_FAILED("error.serverFailed", "The server could not handle the request."),
  /// The refresh token was refused: the person has to sign in again.
  SESSION_EXPIRED("error.sessionExpired", "Your session has expired. Please sign in again."),
  /// The refresh was refused because the account is disabled.
  ACCOUNT_DISABLED("error.accountDisabled", "This account is disabled. Please contact your administrator."),
  /// A download answered with an error status.
  DOWNLOAD_FAILED("error.downloadFailed", "The download failed."),
  /// A download ended before `Content-Length` bytes (connection cut) or could not be written to disk.
  DOWNLOAD_CUT_OFF("error.downloadCutOff", "The download was cut off. Try again.");

  private final String key;
  private final String english;

  CallProblem(String key, String english) {
    this.key = key;
    this.english = english;
  }

  /// The UI bundle key, e.g. `error.serverUnreachable`.
  public String key() {
    return key;
  }

  /// The English text (logs; the fallback when a bundle has no such key).
  public String english() {
    return english;
  }
}
