package com.convene.desktop.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs background work inline, so view models can be tested without an FX toolkit.
public final class SyncBackground implements Background {
  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    T result;
    try {
      result = work.call();
    } catch (Exception e) {
      onFailure.accept(e);
      return;
    }
    onSuccess.accept(result);
  }
}
