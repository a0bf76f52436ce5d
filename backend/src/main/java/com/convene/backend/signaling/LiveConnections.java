package com.convene.backend.signaling;

import io.micronaut.websocket.CloseReason;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The open signaling sessions of this node, by connection id. Thread-safe (a concurrent map; the sessions
/// close on their own executors).
@Singleton
public final class LiveConnections implements AccountLifecycleListener {
  private static final Logger LOG = LoggerFactory.getLogger(LiveConnections.class);

  private final Map<String, SignalingSession> sessions = new ConcurrentHashMap<>();
  private final SignalingMetrics metrics;

  LiveConnections(SignalingMetrics metrics) {
    this.metrics = metrics;
  }

  void add(SignalingSession session) {
    sessions.put(session.connectionId(), session);
  }

  /// Routes the socket `connectionId` to `session` from now on: a resume hands a new socket to the participant's
  /// existing session (replacing the fresh session the socket started with).
  void route(String connectionId, SignalingSession session) {
    sessions.put(connectionId, session);
  }

  /// Stops routing `connectionId` if it still goes to `session`.
  void unroute(String connectionId, SignalingSession session) {
    sessions.remove(connectionId, session);
  }

  SignalingSession get(String connectionId) {
    return sessions.get(connectionId);
  }

  SignalingSession remove(String connectionId) {
    return sessions.remove(connectionId);
  }

  /// Open signaling sockets on this node, 0 or more.
  public int size() {
    return sessions.size();
  }

  /// The users with at least one open socket on this node.
  Set<UUID> connectedUsers() {
    return sessions.values().stream().map(s -> UUID.fromString(s.userId())).collect(Collectors.toSet());
  }

  /// Ends every live signaling socket of one user with `reason`. Returns how many.
  public int closeAllOf(String userId, CloseReason reason) {
    int closed = 0;
    for (SignalingSession s : sessions.values()) {
      if (s.userId().equals(userId)) {
        s.closeSocket(reason);
        closed++;
      }
    }
    return closed;
  }

  @Override
  public int onAccountDisabled(UUID userId) {
    int closed = closeAllOf(userId.toString(), SignalingSession.ACCOUNT_DISABLED);
    if (closed > 0) {
      LOG.info("Closed {} signaling socket(s) of disabled account userId={}", closed, userId);
      for (int i = 0; i < closed; i++) {
        metrics.disabledAccountDisconnect();
      }
    }
    return closed;
  }

  /// Closes the sockets of every disabled user among `userIds`.
  void disconnectAll(Collection<UUID> userIds) {
    userIds.forEach(this::onAccountDisabled);
  }
}
