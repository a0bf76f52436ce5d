package com.convene.backend.signaling;

import com.convene.backend.account.Role;
import com.convene.model.signal.SignalCodec;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.websocket.WebSocketSession;
import jakarta.inject.Singleton;

/// Creates [SignalingSession]s with the shared codec and room hub.
@Singleton
final class SignalingSessionFactory {
  private final SignalCodec codec = new SignalCodec();
  private final RoomHub hub;
  private final ResumableSessions resumables;

  SignalingSessionFactory(RoomHub hub, ResumableSessions resumables) {
    this.hub = hub;
    this.resumables = resumables;
  }

  SignalingSession create(WebSocketSession ws, Authentication authentication, String remoteAddress, String userAgent) {
    boolean admin = authentication.getRoles().contains(Role.ADMIN.wireName());
    return new SignalingSession(ws, codec, hub, resumables, authentication.getName(), admin, remoteAddress, userAgent);
  }
}
