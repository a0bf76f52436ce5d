package com.convene.desktop.call;

import com.convene.model.signal.ChatSend;
import io.github.resilience4j.core.IntervalFunction;
import com.convene.model.signal.Heartbeat;
import com.convene.model.signal.Hello;
import com.convene.model.signal.QualityReport;
import com.convene.model.signal.ResumeRequest;
import com.convene.model.signal.Resumed;
import com.convene.model.signal.SendReaction;
import com.convene.model.signal.SetMediaState;
import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalDecodeException;
import com.convene.model.signal.SignalError;
import com.convene.model.signal.Welcome;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The call's [SignalingChannel] that survives a lost WebSocket once joined (docs/decisions/080-signaling-resume.md).
///
/// When the socket closes or fails after `joined` and the call is not leaving, it tells the session
/// ([Events#onSignalingDown]), opens new sockets through the same [SignalingConnector] with backoff
/// ([#RETRY_DELAYS]: about 0.25 s doubling, with ±50 % jitter, never more than 1 s), and on each sends `hello`
/// then [ResumeRequest] with the token of the
/// last `joined`/`resumed`. On [Resumed] it carries on with the new socket: the missed messages the server replays
/// reach the session as usual and the PeerConnections never notice. A refused resume ([SignalError] answering it)
/// or [#GIVE_UP_MILLIS] without success end the attempt through [Events].
///
/// Sends while down: `set-media-state` (only the latest), chat and every other request are kept, at most
/// [#OUTBOX_CAPACITY] (the oldest dropped, with a warning), and sent in order right after `resumed`;
/// `heartbeat`, `quality-report` and reactions are periodic or momentary and are dropped.
///
/// Before `joined`, once leaving, or when the server closed with an application code (4000–4999), a lost socket
/// goes to the session as before ([SignalListener#onClosed], [SignalListener#onFailure]). Confined to the session thread `executor`; the sockets' callbacks hop onto it, and
/// callbacks of sockets given up are ignored (each socket gets its own generation number).
final class SignalingReconnector implements SignalingChannel {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingReconnector.class);
  /// Waits before reconnect attempts 1, 2, 3 … ([RetryDelays#RECONNECT]).
  static final IntervalFunction RETRY_DELAYS = RetryDelays.RECONNECT;
  /// Time after the loss when reconnecting stops and the call ends as "connection lost", ms.
  static final long GIVE_UP_MILLIS = 60_000;
  /// Time one new socket gets to answer `hello` and `resume` before it counts as failed, ms: long enough for a
  /// loaded server, short enough that an attempt lost in a black-holed network is soon replaced by a fresh one.
  static final long ATTEMPT_TIMEOUT_MILLIS = 4_000;
  /// Most messages kept while down.
  static final int OUTBOX_CAPACITY = 64;

  /// What the session hears besides the plain [SignalListener] events; session thread.
  interface Events extends SignalListener {
    /// Signaling went down after joining and is being re-established (`true`), or is back (`false`).
    void onSignalingDown(boolean down);

    /// The server refused to resume: the participant is gone (grace period over, server restarted, too much
    /// missed). Messages kept meanwhile are dropped.
    void onResumeRefused(SignalError refusal);

    /// No resume succeeded within [#GIVE_UP_MILLIS].
    void onGaveUp();
  }

  private final SignalingConnector connector;
  private final ScheduledExecutorService executor;
  private final Supplier<Hello> hello;
  private final Events events;
  private final Deque<Signal> outbox = new ArrayDeque<>();

  private @Nullable SignalingChannel current;
  private @Nullable SignalingChannel pending;
  private int generation;
  private @Nullable String participantId;
  private @Nullable String resumeToken;
  private @Nullable String resumeRequestId;
  private boolean leaving;
  private boolean closed;
  /// `System.nanoTime()` of the loss being repaired; [Long#MIN_VALUE] while connected.
  private long lostAtNanos = Long.MIN_VALUE;
  private int attempt;
  private @Nullable ScheduledFuture<?> retry;

  /// @param executor the session thread, which also runs every [Events] call
  /// @param hello    the `hello` each new socket starts with
  SignalingReconnector(SignalingConnector connector, ScheduledExecutorService executor, Supplier<Hello> hello,
      Events events) {
    this.connector = connector;
    this.executor = executor;
    this.hello = hello;
    this.events = events;
  }

  /// Opens the first socket and sends `hello`. Session thread; completes on it, or fails when the server cannot
  /// be reached.
  CompletableFuture<Void> open() {
    int gen = ++generation;
    return connector.open(listenerFor(gen)).thenAcceptAsync(channel -> {
      if (closed) {
        channel.close();
        return;
      }
      current = channel;
      channel.send(hello.get());
    }, executor);
  }

  /// The call is joined (or resumed) as `participantId`; a lost socket is resumed with `token` from now on.
  /// @param token the resume token, or null from a server that cannot resume (a lost socket then ends the call)
  void joined(String participantId, @Nullable String token) {
    this.participantId = participantId;
    this.resumeToken = token;
  }

  /// The call is leaving: a lost socket no longer needs repair.
  void leaving() {
    leaving = true;
  }

  /// Whether a lost socket is being repaired now.
  boolean reconnecting() {
    return lostAtNanos != Long.MIN_VALUE;
  }

  @Override
  public void send(Signal signal) {
    SignalingChannel open = current;
    if (open != null) {
      open.send(signal);
      return;
    }
    if (closed) {
      return;
    }
    switch (signal) {
      case Heartbeat _, QualityReport _, SendReaction _ -> LOG.debug("Not sent while reconnecting: {}",
          signal.getClass().getSimpleName());
      default -> keep(signal);
    }
  }

  private void keep(Signal signal) {
    if (signal instanceof SetMediaState) {
      outbox.removeIf(SetMediaState.class::isInstance);
    }
    if (outbox.size() >= OUTBOX_CAPACITY) {
      Signal dropped = outbox.removeFirst();
      LOG.warn("Too much to send while reconnecting; dropped a {}", dropped.getClass().getSimpleName());
    }
    outbox.addLast(signal);
    if (signal instanceof ChatSend) {
      LOG.info("Chat message kept until signaling is back");
    }
  }

  @Override
  public void close() {
    closed = true;
    generation++;
    if (retry != null) {
      retry.cancel(false);
    }
    closeQuietly(current);
    closeQuietly(pending);
    current = null;
    pending = null;
    outbox.clear();
  }

  // ---- socket events (session thread) ----------------------------------------------------------------------

  private SignalListener listenerFor(int gen) {
    return new SignalListener() {
      @Override
      public void onSignal(Signal signal) {
        post(gen, () -> received(signal));
      }

      @Override
      public void onClosed(int statusCode, String reason) {
        post(gen, () -> lost(statusCode, reason, null));
      }

      @Override
      public void onFailure(Throwable error) {
        post(gen, () -> lost(-1, "", error));
      }
    };
  }

  private void post(int gen, Runnable action) {
    try {
      executor.execute(() -> {
        try {
          if (gen == generation && !closed) {
            action.run();
          }
        } catch (RuntimeException e) {
          LOG.error("Signaling callback failed", e);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("Dropping signaling callback after the call ended");
    }
  }

  private void received(Signal signal) {
    if (!reconnecting()) {
      events.onSignal(signal);
      return;
    }
    SignalingChannel channel = pending;
    switch (signal) {
      case Welcome _ when channel != null && participantId != null && resumeToken != null -> {
        resumeRequestId = UUID.randomUUID().toString();
        channel.send(new ResumeRequest(resumeRequestId, participantId, resumeToken));
      }
      case Resumed resumed when resumed.requestId().equals(resumeRequestId) && channel != null -> resumed(resumed,
          channel);
      case SignalError error when error.requestId() != null && error.requestId().equals(resumeRequestId) -> {
        LOG.warn("Resume refused: {} {}", error.code(), error.message());
        close();
        events.onResumeRefused(error);
      }
      default -> LOG.debug("Ignoring {} before resumed", signal.getClass().getSimpleName());
    }
  }

  private void resumed(Resumed resumed, SignalingChannel channel) {
    long downMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAtNanos);
    LOG.info("Signaling resumed as participant {} after {} ms, {} missed message(s) follow", resumed.participantId(),
        downMillis, resumed.missedMessages());
    if (retry != null) {
      retry.cancel(false);
    }
    resumeToken = resumed.resumeToken();
    current = channel;
    pending = null;
    lostAtNanos = Long.MIN_VALUE;
    attempt = 0;
    while (!outbox.isEmpty()) {
      channel.send(outbox.removeFirst());
    }
    events.onSignalingDown(false);
    events.onSignal(resumed);
  }

  private void lost(int statusCode, String reason, @Nullable Throwable error) {
    if (error instanceof SignalDecodeException) {
      events.onFailure(error); // one bad frame; the socket is still up
      return;
    }
    if (statusCode >= 4000 && statusCode <= 4999) {
      // the server itself closed with an application code (account disabled, unsupported version, resumed on
      // another connection, RFC 6455 §7.4.2): trying again would not help
      close();
      events.onClosed(statusCode, reason);
      return;
    }
    if (!reconnecting() && (participantId == null || resumeToken == null || leaving)) {
      if (error != null) {
        events.onFailure(error);
      } else {
        events.onClosed(statusCode, reason);
      }
      return;
    }
    generation++; // ignore whatever else this socket reports
    if (!reconnecting()) {
      LOG.info("Signaling lost ({} {}); reconnecting", statusCode, error != null ? error.toString() : reason);
      closeQuietly(current);
      current = null;
      lostAtNanos = System.nanoTime();
      attempt = 0;
      events.onSignalingDown(true);
    } else {
      LOG.info("Reconnect attempt {} lost ({} {})", attempt, statusCode, error != null ? error.toString() : reason);
      closeQuietly(pending);
      pending = null;
    }
    scheduleAttempt();
  }

  // ---- reconnecting (session thread) -----------------------------------------------------------------------

  private void scheduleAttempt() {
    long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - lostAtNanos);
    if (elapsedMillis >= GIVE_UP_MILLIS) {
      giveUp();
      return;
    }
    attempt++;
    long delay = Math.min(RETRY_DELAYS.apply(attempt), GIVE_UP_MILLIS - elapsedMillis);
    retry = executor.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
  }

  private void attempt() {
    if (closed || !reconnecting()) {
      return;
    }
    int gen = ++generation;
    LOG.info("Reconnect attempt {}", attempt);
    retry = executor.schedule(() -> {
      if (gen == generation && !closed && reconnecting()) {
        LOG.info("Reconnect attempt {} got no answer in time", attempt);
        lost(-1, "timeout", null);
      }
    }, ATTEMPT_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
    connector.open(listenerFor(gen)).whenCompleteAsync((channel, error) -> {
      if (gen != generation || closed) {
        closeQuietly(channel);
        return;
      }
      if (error != null) {
        LOG.info("Reconnect attempt {} failed: {}", attempt,
            String.valueOf(error.getCause() != null ? error.getCause() : error));
        generation++;
        if (retry != null) {
          retry.cancel(false);
        }
        scheduleAttempt();
        return;
      }
      pending = channel;
      channel.send(hello.get());
    }, executor);
  }

  private void giveUp() {
    LOG.warn("Signaling not back after {} ms; giving up", GIVE_UP_MILLIS);
    close();
    events.onGaveUp();
  }

  private static void closeQuietly(@Nullable SignalingChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (RuntimeException e) {
        LOG.debug("Signaling channel did not close cleanly: {}", e.toString());
      }
    }
  }
}
