package com.convene.desktop.call;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.function.Consumer;

/// Tells a person whose audio and video never connect why (a firewall or VPN dropping UDP to the SFU's media port):
/// signaling works over HTTPS, so the call window opens and shows everyone, but no PeerConnection gets past ICE
/// (RFC 8445 §7.2: connectivity checks without answers).
///
/// "Unreachable" once a connection started connecting (`CONNECTING`) and none reached `CONNECTED` within
/// [#DEADLINE_MILLIS] of the first attempt, or one reached `FAILED` without ever connecting; "reachable" again the
/// moment one connects (libwebrtc keeps checking, so a port opened later still works). Reports changes, and
/// "reachable" at the first connection in any case (a message left by an earlier call attempt can go); a
/// connection with nothing to negotiate (alone, sending nothing) never starts, so it is never reported. Session
/// thread only.
final class MediaSetupWatch {
  /// Time from the first connection attempt after which never having connected counts as unreachable, ms.
  static final long DEADLINE_MILLIS = 10_000;

  private final Consumer<Boolean> onUnreachable;
  private boolean started;
  private boolean connected;
  private boolean unreachable;

  /// @param onUnreachable receives `true` when media cannot get through, `false` when it connects after all
  MediaSetupWatch(Consumer<Boolean> onUnreachable) {
    this.onUnreachable = onUnreachable;
  }

  /// Takes a new state of either PeerConnection.
  ///
  /// @return true when this was the first attempt to connect: the caller schedules [#deadlinePassed] then
  boolean onState(RTCPeerConnectionState state) {
    boolean first = false;
    switch (state) {
      case CONNECTING -> {
        first = !started;
        started = true;
      }
      case CONNECTED -> {
        if (!connected) {
          connected = true;
          unreachable = false;
          onUnreachable.accept(false); // always once: a message left by an earlier attempt can go
        }
      }
      case FAILED -> {
        if (!connected) {
          report(true);
        }
      }
      default -> { }
    }
    return first;
  }

  /// [#DEADLINE_MILLIS] after the first attempt: unreachable unless something connected meanwhile.
  void deadlinePassed() {
    if (started && !connected) {
      report(true);
    }
  }

  private void report(boolean now) {
    if (now != unreachable) {
      unreachable = now;
      onUnreachable.accept(now);
    }
  }
}
