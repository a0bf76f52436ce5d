package com.convene.desktop.call;

import com.convene.desktop.media.DeviceChoice;
import com.convene.desktop.media.ScreenInfo;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/// What to join and what to publish.
/// @param meeting     meeting id (UUID) or join code
/// @param displayName name shown to others, 1–200 characters
/// @param clientName  `Hello.client`, e.g. `convene-desktop/0.1.0`
/// @param audio       what the audio track carries
/// @param toneHz      tone frequency in Hz, 20–20,000, for [AudioChoice#TONE]
/// @param video       what the video track carries
/// @param videoFile   Y4M file for [VideoChoice#FILE], else `null`
/// @param screen      screen for [VideoChoice#SCREEN], else `null`
/// @param audioMuted  start with the microphone muted
/// @param videoMuted  start with the camera off
/// @param password    the meeting password, or `null`; never logged
/// @param devices     the camera (for [VideoChoice#CAMERA]), microphone and speaker chosen in the device settings
public record CallConfig(
    String meeting,
    String displayName,
    String clientName,
    AudioChoice audio,
    double toneHz,
    VideoChoice video,
    @Nullable Path videoFile,
    @Nullable ScreenInfo screen,
    boolean audioMuted,
    boolean videoMuted,
    @Nullable String password,
    DeviceChoice devices) {

  /// Client name sent in `Hello`.
  public static final String CLIENT_NAME = "convene-desktop/0.1.0";

  public CallConfig {
    if (meeting.isBlank() || displayName.isBlank() || displayName.length() > 200) {
      throw new IllegalArgumentException("meeting and a display name of 1-200 characters are required");
    }
    if (video == VideoChoice.FILE && videoFile == null) {
      throw new IllegalArgumentException("video source FILE needs a file");
    }
    if (video == VideoChoice.SCREEN && screen == null) {
      throw new IllegalArgumentException("video source SCREEN needs a screen");
    }
  }

  /// A configuration with the system's default devices.
  public CallConfig(String meeting, String displayName, String clientName, AudioChoice audio, double toneHz,
      VideoChoice video, @Nullable Path videoFile, @Nullable ScreenInfo screen, boolean audioMuted,
      boolean videoMuted, @Nullable String password) {
    this(meeting, displayName, clientName, audio, toneHz, video, videoFile, screen, audioMuted, videoMuted, password,
        DeviceChoice.DEFAULTS);
  }

  /// A configuration without a meeting password.
  public CallConfig(String meeting, String displayName, String clientName, AudioChoice audio, double toneHz,
      VideoChoice video, @Nullable Path videoFile, @Nullable ScreenInfo screen, boolean audioMuted,
      boolean videoMuted) {
    this(meeting, displayName, clientName, audio, toneHz, video, videoFile, screen, audioMuted, videoMuted, null);
  }

  /// The same call with a meeting password (after the server asked for one).
  public CallConfig withPassword(@Nullable String meetingPassword) {
    return new CallConfig(meeting, displayName, clientName, audio, toneHz, video, videoFile, screen, audioMuted,
        videoMuted, meetingPassword, devices);
  }

  /// The same call on the chosen devices.
  public CallConfig withDevices(DeviceChoice chosen) {
    return new CallConfig(meeting, displayName, clientName, audio, toneHz, video, videoFile, screen, audioMuted,
        videoMuted, password, chosen);
  }

  /// Hides the meeting password from logs.
  @Override
  public String toString() {
    return "CallConfig[meeting=" + meeting + ", displayName=" + displayName + ", audio=" + audio + ", video="
        + video + ", devices=" + devices + ", password=" + (password == null ? "null" : "***") + "]";
  }

  /// What the published audio track carries.
  public enum AudioChoice {
    /// The default microphone (silence with the headless audio module).
    MICROPHONE,
    /// A sine tone at `toneHz`.
    TONE,
    /// No audio track.
    NONE
  }

  /// What the published video track carries.
  public enum VideoChoice {
    /// The first camera, or the test pattern when there is none.
    CAMERA,
    /// Moving bars with a burned-in frame counter, 640x360 @ 30 fps.
    PATTERN,
    /// A Y4M file, looped.
    FILE,
    /// A screen, captured with AWT (published with source `screen`).
    SCREEN,
    /// No video track.
    NONE
  }
}
