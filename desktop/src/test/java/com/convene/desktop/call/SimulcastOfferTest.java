package com.convene.desktop.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/// The desktop's simulcast offer (decision 100): the camera's m-line of a real libwebrtc offer gets a SIM group of
/// three SSRCs, lowest layer first, each with an RTX pair and the camera's cname and msid; nothing else changes, and
/// later offers keep the same layers.
class SimulcastOfferTest {
  private static final String CAMERA_TRACK = "capture-video";
  private String offer;

  @BeforeEach
  void setUp() throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/sdp/libwebrtc-publish-offer.sdp")) {
      offer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void addsThreeLayersWithRtxToTheCameraOnly() {
    String munged = new SimulcastOffer(new Random(1)).apply(offer, List.of(CAMERA_TRACK));

    List<String> sim = lines(munged, "a=ssrc-group:SIM ");
    assertThat(sim).hasSize(1);
    String[] layers = sim.getFirst().substring("a=ssrc-group:SIM ".length()).split(" ");
    assertThat(layers).hasSize(SimulcastOffer.LAYERS);
    assertThat(layers[0]).as("the lowest layer is the SSRC libwebrtc chose").isEqualTo("2894731291");
    assertThat(lines(munged, "a=ssrc-group:FID ")).hasSize(3)
        .allSatisfy(fid -> assertThat(Arrays.asList(layers)).contains(fid.split(" ")[1]));
    for (String layer : layers) {
      assertThat(munged).contains("a=ssrc:" + layer + " cname:1rKdbacOBg/NgiXG\r\n",
          "a=ssrc:" + layer + " msid:capture capture-video\r\n");
    }
    String audioBefore = offer.substring(offer.indexOf("m=audio"));
    String audioAfter = munged.substring(munged.indexOf("m=audio"));
    assertThat(audioAfter).as("the microphone's m-line").isEqualTo(audioBefore);
    assertThat(munged.length() - offer.length()).isPositive();
    assertThat(munged).endsWith("\r\n").doesNotEndWith("\r\n\r\n");
  }

  @Test
  void keepsTheSameLayersInLaterOffersAndLeavesOtherVideoAlone() {
    SimulcastOffer simulcast = new SimulcastOffer(new Random(2));
    String first = simulcast.apply(offer, List.of(CAMERA_TRACK));
    String second = simulcast.apply(offer, List.of(CAMERA_TRACK));

    assertThat(second).isEqualTo(first);
    assertThat(simulcast.apply(offer, List.of("screen-track"))).as("a screen share stays one layer")
        .isEqualTo(offer);
    assertThat(simulcast.apply(first, List.of(CAMERA_TRACK))).as("already simulcast").isEqualTo(first);
  }

  private static List<String> lines(String sdp, String prefix) {
    return Arrays.stream(sdp.split("\r\n")).filter(line -> line.startsWith(prefix)).toList();
  }
}
