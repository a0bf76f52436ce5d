package com.convene.desktop.media;

import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/// The devices a person chose on the device settings screen, remembered in the user's settings under the keys
/// [#CAMERA], [#MICROPHONE] and [#SPEAKER] (values are [DeviceInfo#id]s). A null id means the system default
/// (the first camera, the default microphone and speaker). Immutable.
///
/// @param cameraId     the camera, or null
/// @param microphoneId the microphone, or null
/// @param speakerId    the speaker, or null
public record DeviceChoice(@Nullable String cameraId, @Nullable String microphoneId, @Nullable String speakerId) {
  /// Settings key of the camera.
  public static final String CAMERA = "camera";
  /// Settings key of the microphone.
  public static final String MICROPHONE = "microphone";
  /// Settings key of the speaker.
  public static final String SPEAKER = "speaker";
  /// Every default.
  public static final DeviceChoice DEFAULTS = new DeviceChoice(null, null, null);

  /// Reads the choice from settings values; blank values are the default.
  public static DeviceChoice fromSettings(Map<String, String> settings) {
    return new DeviceChoice(blankToNull(settings.get(CAMERA)), blankToNull(settings.get(MICROPHONE)),
        blankToNull(settings.get(SPEAKER)));
  }

  /// The settings values to save (empty text for a default).
  public Map<String, String> toSettings() {
    Map<String, String> values = new HashMap<>();
    values.put(CAMERA, cameraId == null ? "" : cameraId);
    values.put(MICROPHONE, microphoneId == null ? "" : microphoneId);
    values.put(SPEAKER, speakerId == null ? "" : speakerId);
    return values;
  }

  private static @Nullable String blankToNull(@Nullable String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
