package com.convene.desktop.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.convene.desktop.media.CameraFallback.Switch;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The in-call camera rules of decision 074.
class CameraFallbackTest {
  private static final DeviceInfo WEBCAM = new DeviceInfo("/dev/video0", "HD Webcam");
  private static final DeviceInfo DOCK = new DeviceInfo("/dev/video2", "Dock camera");

  @Test
  void keepsACameraThatIsStillThere() {
    assertThat(CameraFallback.decide(WEBCAM.id(), null, List.of(WEBCAM, DOCK))).isEmpty();
    assertThat(CameraFallback.decide(WEBCAM.id(), WEBCAM.id(), List.of(WEBCAM))).isEmpty();
    assertThat(CameraFallback.decide(null, null, List.of())).isEmpty();
    assertThat(CameraFallback.decide(null, DOCK.id(), List.of())).isEmpty();
  }

  @Test
  void replacesAnUnpluggedCameraByAnotherOrThePattern() {
    assertThat(CameraFallback.decide(DOCK.id(), DOCK.id(), List.of(WEBCAM)))
        .contains(new Switch(WEBCAM.id(), DOCK.id()));
    assertThat(CameraFallback.decide(WEBCAM.id(), null, List.of()))
        .contains(new Switch(null, WEBCAM.id()));
    assertThat(CameraFallback.decide(WEBCAM.id(), DOCK.id(), List.of(DOCK)))
        .contains(new Switch(DOCK.id(), WEBCAM.id()));
  }

  @Test
  void movesToTheChosenCameraWhenItIsPluggedInAgain() {
    assertThat(CameraFallback.decide(WEBCAM.id(), DOCK.id(), List.of(WEBCAM, DOCK)))
        .contains(new Switch(DOCK.id(), null));
    assertThat(CameraFallback.decide(null, DOCK.id(), List.of(DOCK))).contains(new Switch(DOCK.id(), null));
  }

  @Test
  void leavesThePatternForTheFirstCameraWhenNoneWasChosen() {
    assertThat(CameraFallback.decide(null, null, List.of(WEBCAM))).contains(new Switch(WEBCAM.id(), null));
  }
}
