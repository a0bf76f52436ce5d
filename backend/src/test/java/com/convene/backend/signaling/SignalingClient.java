package com.convene.backend.signaling;

import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/// A plain JDK WebSocket client speaking the signaling protocol, for tests: frames are decoded with the same
/// [SignalCodec] as production and queued for the test to take with a deadline.
public final class SignalingClient implements AutoCloseable {
  private final SignalCodec codec = new SignalCodec();
  private final BlockingQueue<Signal> received = new LinkedBlockingQueue<>();
  private final WebSocket socket;
  private final java.util.concurrent.CountDownLatch closedLatch = new java.util.concurrent.CountDownLatch(1);
  private volatile int closeCode = -1;
  private volatile boolean frozen;
  /// Text frames received so far, and their characters (ASCII JSON here, so about their bytes).
  final java.util.concurrent.atomic.AtomicLong framesReceived = new java.util.concurrent.atomic.AtomicLong();
  final java.util.concurrent.atomic.AtomicLong charsReceived = new java.util.concurrent.atomic.AtomicLong();
  /// The user id from [com.convene.model.signal.Welcome], set by the test's connect helper.
  volatile String userId;
  /// The ping interval the server announced in [com.convene.model.signal.Welcome], ms.
  volatile Long pingIntervalMillis;

  public SignalingClient(URI uri, String token) {
    this.socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .connectTimeout(Duration.ofSeconds(5))
            .buildAsync(uri, new Listener())
            .join();
  }

  public void send(Signal signal) {
    sendRaw(codec.encode(signal));
  }

  void sendRaw(String frame) {
    socket.sendText(frame, true).join();
  }

  /// Takes the next received message of `type` matching `filter`, skipping others; fails after 10 s.
  public <T extends Signal> T expect(Class<T> type, Predicate<T> filter) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      long left = deadline - System.nanoTime();
      Signal s = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (s == null) {
        throw new AssertionError("no " + type.getSimpleName() + " within 10 s");
      }
      if (type.isInstance(s) && filter.test(type.cast(s))) {
        return type.cast(s);
      }
    }
  }

  public <T extends Signal> T expect(Class<T> type) throws InterruptedException {
    return expect(type, t -> true);
  }

  /// Takes the next received message of any type, or null when none arrives within `millis`.
  Signal poll(long millis) throws InterruptedException {
    return received.poll(millis, TimeUnit.MILLISECONDS);
  }

  /// Makes this client go silent like a frozen or unplugged machine: it stops reading from the socket (no more
  /// demand), so the server's pings get no pongs, and sends nothing more.
  void freeze() {
    frozen = true;
  }

  int closeCode() {
    return closeCode;
  }

  /// Waits up to `timeoutMillis` for the server to close the socket; returns the close code, or -1.
  int awaitClose(long timeoutMillis) throws InterruptedException {
    closedLatch.await(timeoutMillis, TimeUnit.MILLISECONDS);
    return closeCode;
  }

  /// Asserts that nothing of `type` arrives within `millis` (other messages are consumed).
  void expectNone(Class<? extends Signal> type, long millis) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    while (true) {
      long left = deadline - System.nanoTime();
      Signal s = left > 0 ? received.poll(left, TimeUnit.NANOSECONDS) : null;
      if (s == null) {
        return;
      }
      if (type.isInstance(s)) {
        throw new AssertionError("unexpected " + s);
      }
    }
  }

  @Override
  public void close() {
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
  }

  private final class Listener implements WebSocket.Listener {
    private final StringBuilder partial = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        framesReceived.incrementAndGet();
        charsReceived.addAndGet(partial.length());
        try {
          received.add(codec.decode(partial.toString()));
        } catch (Exception e) {
          throw new AssertionError("server sent an undecodable frame", e);
        } finally {
          partial.setLength(0);
        }
      }
      if (!frozen) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, java.nio.ByteBuffer message) {
      if (!frozen) {
        webSocket.request(1);
      }
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      closeCode = statusCode;
      closedLatch.countDown();
      return null;
    }
  }
}
