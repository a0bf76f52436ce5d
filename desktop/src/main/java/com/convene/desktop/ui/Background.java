package com.convene.desktop.ui;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/// Runs blocking work off the FX thread and reports back on it.
///
/// The app uses [FxBackground] (a `javafx.concurrent.Task` per job); view-model unit tests use a synchronous
/// implementation so they need no FX toolkit.
public interface Background {
  /// Starts `work`; exactly one of `onSuccess` and `onFailure` later runs on the FX thread.
  <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure);
}
