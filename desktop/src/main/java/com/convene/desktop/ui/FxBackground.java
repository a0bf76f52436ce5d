package com.convene.desktop.ui;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import javafx.concurrent.Task;

/// [Background] on daemon worker threads with one `javafx.concurrent.Task` per job; its handlers run on the
/// FX thread. Call [#run] on the FX thread.
public final class FxBackground implements Background {
  private final ExecutorService workers = Executors.newCachedThreadPool(r -> {
    Thread thread = new Thread(r, "ui-background");
    thread.setDaemon(true);
    return thread;
  });

  @Override
  public <T> void run(Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
    Task<T> task = new Task<>() {
      @Override
      protected T call() throws Exception {
        return work.call();
      }
    };
    task.setOnSucceeded(event -> onSuccess.accept(task.getValue()));
    task.setOnFailed(event -> onFailure.accept(task.getException()));
    workers.execute(task);
  }
}
