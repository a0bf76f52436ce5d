package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// When the call says "reconnecting": only after the media link was up, until both connections are back.
class MediaLinkMonitorTest {
  private final List<Boolean> reports = new ArrayList<>();
  private final MediaLinkMonitor monitor = new MediaLinkMonitor(reports::add);

  @Test
  void setupStatesAreNotAnOutage() {
    monitor.onState(MediaLinkMonitor.Link.PUBLISH, RTCPeerConnectionState.NEW);
    monitor.onState(MediaLinkMonitor.Link.PUBLISH, RTCPeerConnectionState.CONNECTING);
    monitor.onState(MediaLinkMonitor.Link.SUBSCRIBE, RTCPeerConnectionState.FAILED);
    assertThat(reports).isEmpty();
  }

  @Test
  void reportsLossOnceAndRecoveryWhenEveryLostLinkIsBack() {
    monitor.onState(MediaLinkMonitor.Link.PUBLISH, RTCPeerConnectionState.CONNECTED);
    monitor.onState(MediaLinkMonitor.Link.SUBSCRIBE, RTCPeerConnectionState.CONNECTED);
    monitor.onState(MediaLinkMonitor.Link.PUBLISH, RTCPeerConnectionState.DISCONNECTED);
    monitor.onState(MediaLinkMonitor.Link.SUBSCRIBE, RTCPeerConnectionState.DISCONNECTED);
    assertThat(monitor.reconnecting()).isTrue();
    monitor.onState(MediaLinkMonitor.Link.PUBLISH, RTCPeerConnectionState.CONNECTED);
    assertThat(monitor.reconnecting()).isTrue(); // subscribe still down
    monitor.onState(MediaLinkMonitor.Link.SUBSCRIBE, RTCPeerConnectionState.CONNECTED);
    assertThat(reports).containsExactly(true, false);
  }

  @Test
  void noReceivedMediaForASecondAndAHalfCountsAsDownUntilItFlowsAgain() {
    long second = 1_000_000_000L;
    monitor.onInbound(false, 0, 0); // alone in the meeting: nothing expected
    monitor.onInbound(false, 0, 5 * second);
    assertThat(reports).isEmpty();
    monitor.onInbound(true, 300_000, 6 * second);
    monitor.onInbound(true, 0, 7 * second);
    assertThat(reports).isEmpty(); // one quiet second is no outage yet
    monitor.onInbound(true, 0, 8 * second + second / 2);
    monitor.onInbound(true, 0, 9 * second);
    monitor.onInbound(true, 250_000, 10 * second);
    assertThat(reports).containsExactly(true, false);
  }
}
