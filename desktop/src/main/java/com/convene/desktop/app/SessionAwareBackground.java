package com.convene.desktop.app;

import com.convene.desktop.call.SessionExpiredException;
import com.convene.desktop.ui.Background;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// A [Background] that sends every job failing with [SessionExpiredException] to one place (the app shows the
/// sign-in screen with its message) instead of the screen that started the job, so no screen needs to know that a
/// sign-in can end. Other failures reach the job's own handler as before.
final class SessionAwareBackground implements Background {
  private final Background delegate;
  private final Consumer<SessionExpiredException> onExpired;

  /// @param onExpired runs on the FX thread with the refusal
  SessionAwareBackground(Background delegate, Consumer<SessionExpiredException> onExpired) {
    this.delegate = delegate;
    this.onExpired = onExpired;
  }

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    delegate.run(work, onSuccess, failure -> {
      if (failure instanceof SessionExpiredException expired) {
        onExpired.accept(expired);
      } else {
        onFailure.accept(failure);
      }
    });
  }
}
