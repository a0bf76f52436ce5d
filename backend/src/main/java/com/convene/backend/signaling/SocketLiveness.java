package com.convene.backend.signaling;

import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Finds dead signaling sockets: every [SignalingConfig#pingInterval()] each open socket gets a WebSocket ping
/// (RFC 6455 §5.5.2), which every client answers with a pong (§5.5.3); a socket from which nothing (no frame, no
/// pong) arrived for [SignalingConfig#idleTimeout()] is closed with 1001 (going away). Its participant is then
/// detached like after any lost socket (docs/decisions/080-signaling-resume.md) and leaves when the resume grace
/// ends, so a laptop that slept or a network that vanished without a TCP reset leaves no ghost in the room
/// (docs/decisions/086-dead-socket-detection.md).
///
/// Thread-safe: the endpoint reports on Netty's event loop, the sweep runs on Micronaut's scheduled executor.
@Singleton
final class SocketLiveness {
  private static final Logger LOG = LoggerFactory.getLogger(SocketLiveness.class);
  private static final byte[] PING = "convene".getBytes(StandardCharsets.US_ASCII);

  /// One open socket and when it was last heard from ([System#nanoTime()]).
  private static final class Watched {
    final WebSocketSession ws;
    volatile long lastHeardNanos;

    Watched(WebSocketSession ws, long nowNanos) {
      this.ws = ws;
      this.lastHeardNanos = nowNanos;
    }
  }

  private final Map<String, Watched> sockets = new ConcurrentHashMap<>();
  private final SignalingConfig config;
  private final SignalingMetrics metrics;

  SocketLiveness(SignalingConfig config, SignalingMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  /// Starts watching a socket that just opened.
  void opened(WebSocketSession ws) {
    sockets.put(ws.getId(), new Watched(ws, System.nanoTime()));
  }

  /// Something (a frame or a pong) arrived on the socket.
  void heard(String connectionId) {
    Watched watched = sockets.get(connectionId);
    if (watched != null) {
      watched.lastHeardNanos = System.nanoTime();
    }
  }

  /// Stops watching a closed socket.
  void closed(String connectionId) {
    sockets.remove(connectionId);
  }

  /// Sockets watched now.
  int watched() {
    return sockets.size();
  }

  /// Closes sockets silent for longer than the idle timeout and pings the others.
  @Scheduled(
      fixedDelay = "${convene.signaling.ping-interval:10s}",
      initialDelay = "${convene.signaling.ping-interval:10s}")
  void sweep() {
    long now = System.nanoTime();
    long idleNanos = config.idleTimeout().toNanos();
    for (Map.Entry<String, Watched> entry : sockets.entrySet()) {
      Watched watched = entry.getValue();
      long silentNanos = now - watched.lastHeardNanos;
      if (silentNanos > idleNanos) {
        if (sockets.remove(entry.getKey(), watched)) {
          metrics.idleDisconnect();
          LOG.info("Closing a silent signaling socket connectionId={} silentMillis={}", entry.getKey(),
              silentNanos / 1_000_000);
          closeQuietly(watched.ws);
        }
      } else if (watched.ws.isOpen()) {
        watched.ws.sendPingAsync(PING).exceptionally(failure -> {
          LOG.debug("Ping not sent connectionId={}: {}", entry.getKey(), failure.toString());
          return null;
        });
      }
    }
  }

  private static void closeQuietly(WebSocketSession ws) {
    try {
      ws.close(CloseReason.GOING_AWAY);
    } catch (RuntimeException e) {
      LOG.debug("Closing a silent socket failed: {}", e.toString());
    }
  }
}
