package com.convene.backend.signaling;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/// The joined participants of this node that a `resume` may take over, by participant id, and the timer that
/// ends each one's grace period after its socket closed (docs/decisions/080-signaling-resume.md).
///
/// A participant lives here from `joined` until it leaves the room; only this node can resume it (a client that
/// reaches another node is refused and joins again). Thread-safe; the timer only queues work on the sessions.
@Singleton
final class ResumableSessions {
  private final Map<String, SignalingSession> byParticipant = new ConcurrentHashMap<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("resume-grace").factory());
  private final SignalingConfig config;
  private final LiveConnections connections;
  private final SignalingMetrics metrics;

  ResumableSessions(SignalingConfig config, LiveConnections connections, SignalingMetrics metrics) {
    this.config = config;
    this.connections = connections;
    this.metrics = metrics;
  }

  void register(String participantId, SignalingSession session) {
    byParticipant.put(participantId, session);
  }

  /// Forgets `participantId` if it still belongs to `session`.
  void forget(String participantId, SignalingSession session) {
    byParticipant.remove(participantId, session);
  }

  Optional<SignalingSession> find(String participantId) {
    return Optional.ofNullable(byParticipant.get(participantId));
  }

  /// Calls `session`'s [SignalingSession#graceOver(int)] with `epoch` once the grace period has passed.
  void startGrace(SignalingSession session, int epoch) {
    timer.schedule(() -> session.graceOver(epoch), config.resumeGrace().toMillis(), TimeUnit.MILLISECONDS);
  }

  Duration grace() {
    return config.resumeGrace();
  }

  /// How often [SocketLiveness] pings every socket, announced to clients in `welcome`.
  Duration pingInterval() {
    return config.pingInterval();
  }

  int bufferCapacity() {
    return config.resumeBuffer();
  }

  LiveConnections connections() {
    return connections;
  }

  SignalingMetrics metrics() {
    return metrics;
  }

  @PreDestroy
  void stop() {
    timer.shutdownNow();
  }
}
