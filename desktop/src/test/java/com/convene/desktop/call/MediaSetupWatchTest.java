package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import dev.onvoid.webrtc.RTCPeerConnectionState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/// When the call says media cannot reach the server: never before an attempt, at the deadline or on `FAILED` if
/// nothing ever connected, cleared by the first connection (which always says so), and never once media was up
/// (that is "reconnecting").
class MediaSetupWatchTest {
  private final List<Boolean> reports = new ArrayList<>();
  private final MediaSetupWatch watch = new MediaSetupWatch(reports::add);

  @Test
  void aConnectionThatNeverStartedIsNotReported() {
    watch.onState(RTCPeerConnectionState.NEW);
    watch.deadlinePassed();
    assertThat(reports).isEmpty();
  }

  @Test
  void theDeadlineWithoutAConnectionReportsAndTheFirstConnectionClears() {
    assertThat(watch.onState(RTCPeerConnectionState.CONNECTING)).as("first attempt: schedule the deadline").isTrue();
    assertThat(watch.onState(RTCPeerConnectionState.CONNECTING)).isFalse();
    watch.deadlinePassed();
    watch.onState(RTCPeerConnectionState.FAILED);
    assertThat(reports).containsExactly(true);
    watch.onState(RTCPeerConnectionState.CONNECTED);
    assertThat(reports).containsExactly(true, false);
  }

  @Test
  void anEarlyFailureReportsAtOnceAndAnythingAfterAConnectionIsNotASetupProblem() {
    watch.onState(RTCPeerConnectionState.CONNECTING);
    watch.onState(RTCPeerConnectionState.FAILED);
    assertThat(reports).containsExactly(true);

    List<Boolean> later = new ArrayList<>();
    MediaSetupWatch up = new MediaSetupWatch(later::add);
    up.onState(RTCPeerConnectionState.CONNECTING);
    up.onState(RTCPeerConnectionState.CONNECTED);
    up.onState(RTCPeerConnectionState.FAILED);
    up.deadlinePassed();
    assertThat(later).as("only the first connection's all-clear").containsExactly(false);
  }
}
