package com.convene.desktop.ui.devices;

import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.ui.Messages;
import java.util.Locale;

/// The app's own sources, listed after the real devices so they can be chosen like one: the moving test pattern
/// (what `--video=pattern` sends) and a sine test tone (what `--tone-hz` sends). They let the screen and a call be
/// tried on a machine without camera or microphone.
public final class VirtualDevices {
  /// The test pattern camera.
  public static final DeviceInfo TEST_PATTERN = new DeviceInfo("convene:test-pattern",
      Messages.get("devices.testPattern"));
  /// Frequency of the test tone when `--tone-hz` is not given, Hz.
  public static final double DEFAULT_TONE_HZ = 440;

  private VirtualDevices() {}

  /// The test tone microphone at `frequencyHz` (20–20,000 Hz; other values use [#DEFAULT_TONE_HZ]).
  public static DeviceInfo testTone(double frequencyHz) {
    return new DeviceInfo("convene:test-tone", Messages.get("devices.testTone",
        String.format(Locale.ROOT, "%.0f", toneHz(frequencyHz))));
  }

  /// Whether `id` is one of these virtual devices.
  public static boolean isVirtual(String id) {
    return id.startsWith("convene:");
  }

  /// `frequencyHz` when it is 20–20,000 Hz, else [#DEFAULT_TONE_HZ].
  public static double toneHz(double frequencyHz) {
    return frequencyHz >= 20 && frequencyHz <= 20_000 ? frequencyHz : DEFAULT_TONE_HZ;
  }
}
