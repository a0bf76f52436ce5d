package com.convene.e2e;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/// Reads the real app's scene graph from a test thread.
///
/// Unlike `WaitForAsyncUtils.asyncFx`, a failing query reaches only its caller: TestFX keeps `asyncFx` failures in
/// a JVM-wide queue and rethrows them at the next robot call, which made a lookup that an `ignoreExceptions()` poll
/// expected to fail break a later test class.
final class FxSupport {
  private static final long TIMEOUT_MS = 5_000;

  private FxSupport() {}

  /// Runs `query` on the JavaFX application thread and returns its result.
  /// @throws Exception what `query` threw, or a timeout after 5 s
  static <T> T onFx(Callable<T> query) throws Exception {
    if (Platform.isFxApplicationThread()) {
      return query.call();
    }
    CompletableFuture<T> result = new CompletableFuture<>();
    Platform.runLater(() -> {
      try {
        result.complete(query.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    try {
      return result.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
