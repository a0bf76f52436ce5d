package com.convene.backend.signaling;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketPongMessage;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnError;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// The authenticated signaling WebSocket, `/ws/signaling`: one [SignalingSession] per connection.
///
/// The handshake needs a bearer JWT in `Authorization: Bearer <token>`; without one the upgrade is refused with 401.
/// A `?access_token=` query parameter is not accepted (tokens in URLs reach proxy and access logs; RFC 6750 §2.3,
/// docs/security.md). Frames are JSON [com.convene.model.signal.Signal]s.
/// Netty event-loop methods only hand frames to the session's own serial executor: nothing here blocks. Every
/// frame and pong tells [SocketLiveness] the client is alive; it pings sockets and closes silent ones.
@ServerWebSocket("/ws/signaling")
@Secured(SecurityRule.IS_AUTHENTICATED)
public final class SignalingEndpoint {
  private static final Logger LOG = LoggerFactory.getLogger(SignalingEndpoint.class);

  private final SignalingSessionFactory sessionFactory;
  private final LiveConnections sessions;
  private final AccountStatusReader accounts;
  private final SocketLiveness liveness;

  SignalingEndpoint(SignalingSessionFactory sessionFactory, LiveConnections sessions, AccountStatusReader accounts,
      SocketLiveness liveness) {
    this.sessionFactory = sessionFactory;
    this.sessions = sessions;
    this.accounts = accounts;
    this.liveness = liveness;
  }

  @OnOpen
  void onOpen(WebSocketSession ws, HttpRequest<?> request) {
    Authentication authentication = request.getUserPrincipal(Authentication.class).orElse(null);
    if (authentication == null) {
      // the security filter refuses unauthenticated upgrades; this is a second line of defence
      ws.close(CloseReason.POLICY_VIOLATION);
      return;
    }
    String remote = request.getRemoteAddress().getAddress().getHostAddress();
    String userAgent = request.getHeaders().get(HttpHeaders.USER_AGENT);
    SignalingSession session = sessionFactory.create(ws, authentication, remote, userAgent);
    sessions.add(session);
    liveness.opened(ws);
    // a still-valid token of an account disabled since it was issued gets no session (checked off the event loop)
    session.closeIfAccountDisabled(accounts);
    LOG.debug("signaling open connectionId={} userId={}", session.connectionId(), authentication.getName());
  }

  @OnMessage(maxPayloadLength = 262_144)
  void onMessage(String frame, WebSocketSession ws) {
    liveness.heard(ws.getId());
    SignalingSession session = sessions.get(ws.getId());
    if (session != null) {
      session.receive(frame);
    }
  }

  /// A pong answering [SocketLiveness]'s ping: the client is alive.
  @OnMessage
  void onPong(WebSocketPongMessage pong, WebSocketSession ws) {
    liveness.heard(ws.getId());
  }

  @OnClose
  void onClose(WebSocketSession ws, CloseReason reason) {
    liveness.closed(ws.getId());
    SignalingSession session = sessions.remove(ws.getId());
    if (session != null) {
      session.closed(ws);
    }
  }

  @OnError
  void onError(WebSocketSession ws, Throwable error) {
    LOG.debug("signaling socket error connectionId={}: {}", ws.getId(), error.toString());
  }

  /// Ends every live signaling socket of one user (used when an account is disabled). Returns how many.
  public int closeAllOf(String userId, CloseReason reason) {
    return sessions.closeAllOf(userId, reason);
  }
}
