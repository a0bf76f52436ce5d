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
}
