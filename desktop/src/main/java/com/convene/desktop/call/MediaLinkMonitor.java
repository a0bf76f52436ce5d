package com.convene.desktop.call;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/// Decides whether the call's media link is down and being re-established, from two signs:
/// - the PeerConnections' states: once a connection has been `CONNECTED`, `DISCONNECTED` or `FAILED` means down
///   (libwebrtc keeps checking the path, so media resumes by itself when the network comes back, RFC 7675 consent
///   freshness); before the first connection, states are set-up, not an outage;
/// - received media: while remote tracks are being measured, no bytes at all for [#STALL_MILLIS] means down. This
///   sees an outage seconds before ICE does (libwebrtc declares a pair disconnected only after several missed
///   checks, which a short outage may never reach).
///
/// Reports changes only. Session thread only.
final class MediaLinkMonitor {
  /// Which PeerConnection a state belongs to.
  enum Link { PUBLISH, SUBSCRIBE }

  /// Time without any received media, while some is expected, after which the link counts as down, ms.
  static final long STALL_MILLIS = 1_500;

  private final Map<Link, RTCPeerConnectionState> states = new EnumMap<>(Link.class);
  private long stalledSinceNanos = Long.MIN_VALUE;
  private boolean stalled;
  private final Map<Link, Boolean> everConnected = new EnumMap<>(Link.class);
  private final Consumer<Boolean> onReconnecting;
  private boolean reconnecting;

  /// @param onReconnecting receives `true` when the media link goes down after it was up, `false` when it is back
  MediaLinkMonitor(Consumer<Boolean> onReconnecting) {
    this.onReconnecting = onReconnecting;
  }

  /// Takes a new state of one connection.
  void onState(Link link, RTCPeerConnectionState state) {
    states.put(link, state);
    if (state == RTCPeerConnectionState.CONNECTED) {
      everConnected.put(link, true);
    }
    update();
  }

  /// Takes one sample of received media.
  ///
  /// @param measured   whether any remote track was measured (false when alone or before the first sample)
  /// @param bitrateBps received bitrate over the last sample, bit/s, all remote tracks together
  /// @param nowNanos   [System#nanoTime()]
  void onInbound(boolean measured, long bitrateBps, long nowNanos) {
    if (!measured || bitrateBps > 0) {
      stalledSinceNanos = Long.MIN_VALUE;
      stalled = false;
    } else {
      if (stalledSinceNanos == Long.MIN_VALUE) {
        stalledSinceNanos = nowNanos;
      }
      stalled = nowNanos - stalledSinceNanos >= java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(STALL_MILLIS);
    }
    update();
  }

  private void update() {
    boolean down = stalled;
    for (Map.Entry<Link, RTCPeerConnectionState> e : states.entrySet()) {
      boolean wasUp = everConnected.getOrDefault(e.getKey(), false);
      down |= wasUp && (e.getValue() == RTCPeerConnectionState.DISCONNECTED
          || e.getValue() == RTCPeerConnectionState.FAILED);
    }
    if (down != reconnecting) {
      reconnecting = down;
      onReconnecting.accept(down);
    }
  }

  /// Whether the link is currently being re-established.
  boolean reconnecting() {
    return reconnecting;
  }
}
