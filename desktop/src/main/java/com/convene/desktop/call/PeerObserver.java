package com.convene.desktop.call;

import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceConnectionState;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Logs a peer connection's state changes. Candidates are not trickled: the SFU reads them from the SDP.
/// Runs on libwebrtc's signaling thread; subclasses must only hand work elsewhere.
class PeerObserver implements PeerConnectionObserver {
  private static final Logger LOG = LoggerFactory.getLogger(PeerObserver.class);
  private final String role;

  PeerObserver(String role) {
    this.role = role;
  }

  @Override
  public void onIceCandidate(RTCIceCandidate candidate) {
    // Gathered candidates land in the local description; see PeerConnectionOps.awaitGathering.
  }

  @Override
  public void onIceConnectionChange(RTCIceConnectionState state) {
    LOG.debug("{} ICE connection {}", role, state);
  }

  @Override
  public void onConnectionChange(RTCPeerConnectionState state) {
    LOG.info("{} peer connection {}", role, state);
  }
}
