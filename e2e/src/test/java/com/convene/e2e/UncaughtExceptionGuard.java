package com.convene.e2e;

import java.util.Set;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.util.WaitForAsyncUtils;

/// JUnit extension (auto-detected, see `META-INF/services`) that keeps one test class's stray exceptions out of the
/// next one in this single e2e JVM.
///
/// TestFX installs a JVM-wide default uncaught-exception handler and rethrows whatever reaches it at the next robot
/// call of *any* test. The in-process backend's Netty threads sometimes let a write to an already closed socket
/// (`StacklessClosedChannelException`) escape, which then failed an unrelated test. This guard, before each class:
/// drops what earlier classes left in TestFX's queue (TestFX printed each when it arrived), and wraps the handler so exceptions on
/// the JavaFX application thread (the app under test) still fail the test, while those of other threads are printed
/// with their thread name and stack trace — visible in the log, never silently lost.
public final class UncaughtExceptionGuard implements BeforeAllCallback {
  private static final Set<String> APP_THREADS = Set.of("JavaFX Application Thread");
  private static volatile boolean installed;

  @Override
  public void beforeAll(ExtensionContext context) {
    WaitForAsyncUtils.clearExceptions();
    install();
  }

  private static synchronized void install() {
    if (installed) {
      return;
    }
    Thread.UncaughtExceptionHandler testFx = Thread.getDefaultUncaughtExceptionHandler();
    Thread.setDefaultUncaughtExceptionHandler((thread, error) -> {
      if (APP_THREADS.contains(thread.getName()) && testFx != null) {
        testFx.uncaughtException(thread, error);
      } else {
        System.err.println("E2E uncaught exception on thread " + thread.getName() + " (not the app's FX thread):");
        error.printStackTrace();
      }
    });
    installed = true;
  }
}
