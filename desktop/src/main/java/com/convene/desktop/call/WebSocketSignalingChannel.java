package com.convene.desktop.call;

import com.convene.model.signal.Signal;
import com.convene.model.signal.SignalCodec;
import com.convene.model.signal.SignalDecodeException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// [SignalingChannel] over `java.net.http.WebSocket` (RFC 6455), one JSON text frame per message
/// ([SignalCodec]), authenticated with `Authorization: Bearer` on the upgrade request (RFC 6750 §2.1).
///
/// Sends are chained so that at most one is outstanding, as the JDK WebSocket requires.
///
/// The server pings every socket every 10 s (docs/decisions/086-dead-socket-detection.md; the JDK answers with a
/// pong by itself) and says how often in `welcome`. A channel that hears nothing at all (no frame, no ping) for
/// [#silenceLimit()] — or three and a half announced ping intervals, when longer — takes the server for
/// unreachable: it aborts the socket and reports it closed with 1006 (abnormal closure), so the
/// [SignalingReconnector] reconnects instead of waiting for TCP to give up, which can take many minutes.
public final class WebSocketSignalingChannel implements SignalingChannel {
  private static final Logger LOG = LoggerFactory.getLogger(WebSocketSignalingChannel.class);
  private static final SignalCodec CODEC = new SignalCodec();
  /// Close code reported when the server fell silent (RFC 6455 §7.4.1: abnormal closure).
  static final int SILENT_SERVER = 1006;
  private static final ScheduledExecutorService WATCHDOG = Executors.newSingleThreadScheduledExecutor(
      Thread.ofPlatform().daemon().name("signaling-watchdog").factory());

  private final WebSocket socket;
  private CompletableFuture<?> sendTail = CompletableFuture.completedFuture(null);
  private final SignalListener listener;
  private final Receiver receiver;
  private final ScheduledFuture<?> watchdog;

  private WebSocketSignalingChannel(WebSocket socket, SignalListener listener, Receiver receiver) {
    this.socket = socket;
    this.listener = listener;
    this.receiver = receiver;
    long checkMillis = Math.max(100, silenceLimit().toMillis() / 4);
    this.watchdog = WATCHDOG.scheduleWithFixedDelay(this::checkHeard, checkMillis, checkMillis,
        TimeUnit.MILLISECONDS);
  }

  /// How long a channel waits without hearing anything before taking the server for gone: 35 s, or the
  /// `convene.signaling.silence-limit` system property (a [Duration] such as `PT3S`) for tests.
  static Duration silenceLimit() {
    String configured = System.getProperty("convene.signaling.silence-limit", "");
    try {
      return configured.isBlank() ? Duration.ofSeconds(35) : Duration.parse(configured);
    } catch (java.time.format.DateTimeParseException e) {
      LOG.warn("Ignoring convene.signaling.silence-limit={}: not an ISO-8601 duration", configured);
      return Duration.ofSeconds(35);
    }
  }

  /// How long silence means the server is gone, ns: [#silenceLimit()], or three and a half of the server's ping
  /// intervals when it announced (in `welcome`) one long enough to need more.
  ///
  /// @param announcedPingMillis the server's ping interval, ms, or 0 when it did not say
  static long silenceLimitNanos(long announcedPingMillis) {
    long limit = silenceLimit().toNanos();
    return announcedPingMillis > 0
        ? Math.max(limit, TimeUnit.MILLISECONDS.toNanos(announcedPingMillis * 7 / 2)) : limit;
  }

  private void checkHeard() {
    long silentNanos = System.nanoTime() - receiver.lastHeardNanos;
    if (receiver.ended) {
      watchdog.cancel(false);
    } else if (silentNanos > receiver.silenceLimitNanos()) {
      watchdog.cancel(false);
      receiver.ended = true;
      LOG.warn("Nothing heard from the signaling server for {} ms; dropping the connection",
          silentNanos / 1_000_000);
      socket.abort();
      listener.onClosed(SILENT_SERVER, "nothing heard from the server");
    }
  }

  /// A connector for `ws(s)://<server>/ws/signaling` derived from the REST base URL.
  /// @param serverUrl   REST base URL such as `http://127.0.0.2:8080`
  /// @param accessToken bearer token from sign-in; never logged
  public static SignalingConnector connector(HttpClient client, URI serverUrl, String accessToken) {
    return connector(client, serverUrl, () -> accessToken);
  }

  /// A connector that asks `accessToken` for the token at each connection, so a reconnect late in a long call
  /// sends a renewed one ([SignedIn#accessToken]).
  /// @param accessToken called on the connecting thread (may block to renew; never the FX thread)
  public static SignalingConnector connector(HttpClient client, URI serverUrl, Supplier<String> accessToken) {
    URI wsUri = signalingUri(serverUrl);
    return listener -> {
      Receiver receiver = new Receiver(listener);
      String token;
      try {
        token = accessToken.get();
      } catch (CallException e) {
        return CompletableFuture.failedFuture(e);
      }
      return client.newWebSocketBuilder()
          .header("Authorization", "Bearer " + token)
          .connectTimeout(Duration.ofSeconds(10))
          .buildAsync(wsUri, receiver)
          .handle((socket, error) -> {
            if (error != null) {
              throw new CallException("Could not reach the meeting server.", error);
            }
            WebSocketSignalingChannel channel = new WebSocketSignalingChannel(socket, listener, receiver);
            LOG.info("Signaling connected to {}", wsUri);
            return channel;
          });
    };
  }

  /// Maps `http(s)://host[:port][/base]` to `ws(s)://host[:port][/base]/ws/signaling`.
  static URI signalingUri(URI serverUrl) {
    String scheme = "https".equalsIgnoreCase(serverUrl.getScheme()) ? "wss" : "ws";
    String path = serverUrl.getPath() == null ? "" : serverUrl.getPath().replaceAll("/+$", "");
    return URI.create(scheme + "://" + serverUrl.getRawAuthority() + path + "/ws/signaling");
  }

  @Override
  public synchronized void send(Signal signal) {
    String text = CODEC.encode(signal);
    sendTail = sendTail
        .handle((ignored, previousError) -> null)
        .thenCompose(ignored -> socket.sendText(text, true))
        .whenComplete((ignored, error) -> {
          if (error != null) {
            listener.onFailure(error);
          }
        });
  }

  @Override
  public synchronized void close() {
    watchdog.cancel(false);
    if (!socket.isOutputClosed()) {
      sendTail = sendTail
          .handle((ignored, previousError) -> null)
          .thenCompose(ignored -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye"))
          .exceptionally(error -> {
            socket.abort();
            return null;
          });
    }
  }

  /// Reassembles text frames and decodes them; confined to the WebSocket's delivery thread, except the two
  /// volatile fields the watchdog reads.
  private static final class Receiver implements WebSocket.Listener {
    private final SignalListener listener;
    private final StringBuilder partial = new StringBuilder();
    /// [System#nanoTime()] of the last frame or ping from the server.
    volatile long lastHeardNanos = System.nanoTime();
    /// Set once the socket closed or failed, or the watchdog gave up on it: nothing more is reported.
    volatile boolean ended;
    /// The server's ping interval from `welcome`, ms, or 0 when it did not say.
    volatile long pingIntervalMillis;

    long silenceLimitNanos() {
      return WebSocketSignalingChannel.silenceLimitNanos(pingIntervalMillis);
    }

    Receiver(SignalListener listener) {
      this.listener = listener;
    }

    @Override
    public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1); // the JDK sends the pong itself
      return null;
    }

    @Override
    public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      lastHeardNanos = System.nanoTime();
      partial.append(data);
      if (partial.length() > SignalCodec.MAX_FRAME_CHARS) {
        partial.setLength(0);
        listener.onFailure(new SignalDecodeException("frame too long", null));
      } else if (last) {
        String frame = partial.toString();
        partial.setLength(0);
        try {
          Signal signal = CODEC.decode(frame);
          if (signal instanceof com.convene.model.signal.Welcome welcome && welcome.pingIntervalMillis() != null) {
            pingIntervalMillis = welcome.pingIntervalMillis();
          }
          listener.onSignal(signal);
        } catch (SignalDecodeException e) {
          listener.onFailure(e);
        }
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
      lastHeardNanos = System.nanoTime();
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      if (!ended) {
        ended = true;
        listener.onClosed(statusCode, reason);
      }
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      if (!ended) {
        ended = true;
        listener.onFailure(error);
      }
    }
  }
}
