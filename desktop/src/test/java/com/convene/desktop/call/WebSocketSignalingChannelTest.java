package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class WebSocketSignalingChannelTest {

  @Test
  void derivesSignalingUriFromServerUrl() {
    assertThat(WebSocketSignalingChannel.signalingUri(URI.create("http://127.0.0.2:8080")))
        .isEqualTo(URI.create("ws://127.0.0.2:8080/ws/signaling"));
    assertThat(WebSocketSignalingChannel.signalingUri(URI.create("https://meet.example.com/convene/")))
        .isEqualTo(URI.create("wss://meet.example.com/convene/ws/signaling"));
  }

  @Test
  void parsesTypedServerAddresses() {
    assertThat(ConveneApiClient.parseServerUrl("meet.example.com/"))
        .isEqualTo(URI.create("https://meet.example.com"));
    assertThat(ConveneApiClient.parseServerUrl(" http://127.0.0.2:8080 "))
        .isEqualTo(URI.create("http://127.0.0.2:8080"));
  }

  @Test
  void waitsThirtyFiveSecondsOrThreeAndAHalfAnnouncedPingIntervals() {
    long seconds = 1_000_000_000L;
    assertThat(WebSocketSignalingChannel.silenceLimitNanos(0)).as("server did not say").isEqualTo(35 * seconds);
    assertThat(WebSocketSignalingChannel.silenceLimitNanos(10_000)).as("the default 10 s pings")
        .isEqualTo(35 * seconds);
    assertThat(WebSocketSignalingChannel.silenceLimitNanos(500)).as("faster pings keep the limit")
        .isEqualTo(35 * seconds);
    assertThat(WebSocketSignalingChannel.silenceLimitNanos(20_000)).as("a server pinging every 20 s")
        .isEqualTo(70 * seconds);
  }
}
