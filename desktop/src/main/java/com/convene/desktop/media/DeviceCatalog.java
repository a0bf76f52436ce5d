package com.convene.desktop.media;

import dev.onvoid.webrtc.media.Device;
import dev.onvoid.webrtc.media.MediaDevices;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Lists cameras, microphones and speakers through webrtc-java's `MediaDevices`, without ever aborting the JVM:
/// audio devices are only asked for when [AudioDeviceProbe] found a sound server (webrtc-java 0.14.0's Linux
/// audio module calls `abort` without PulseAudio), cameras only when `/dev/video*` exists on Linux.
///
/// Device changes are noticed by listing again every 2 s while the settings screen or a call needs it, not by
/// `MediaDevices.addDeviceChangeListener`: that listener's native side starts the platform audio module too, and
/// it cannot be exercised on a machine without devices. Blocking (up to about 2 s for the probe): never on the FX
/// thread. Thread-safe.
public final class DeviceCatalog {
  private static final Logger LOG = LoggerFactory.getLogger(DeviceCatalog.class);

  private DeviceCatalog() {}

  /// The devices present now; an empty list where a kind cannot be listed.
  public static DeviceList current() {
    List<DeviceInfo> cameras = camerasMayExist() ? list("cameras", MediaDevices::getVideoCaptureDevices) : List.of();
    if (!AudioDeviceProbe.realAudioDevicesUsable()) {
      return new DeviceList(cameras, List.of(), List.of());
    }
    return new DeviceList(cameras, list("microphones", MediaDevices::getAudioCaptureDevices),
        list("speakers", MediaDevices::getAudioRenderDevices));
  }

  /// The cameras present now (no audio probe: cheap enough to poll during a call).
  public static List<DeviceInfo> cameras() {
    return camerasMayExist() ? list("cameras", MediaDevices::getVideoCaptureDevices) : List.of();
  }

  private static List<DeviceInfo> list(String kind, Supplier<List<? extends Device>> query) {
    try {
      return query.get().stream().map(d -> new DeviceInfo(d.getDescriptor(), d.getName())).toList();
    } catch (RuntimeException | UnsatisfiedLinkError e) {
      LOG.warn("Listing {} failed: {}", kind, e.toString());
      return List.of();
    }
  }

  /// Whether a camera can exist: on Linux a `/dev/video*` node (V4L2), elsewhere always.
  static boolean camerasMayExist() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      return true;
    }
    try (var entries = Files.list(Path.of("/dev"))) {
      return entries.anyMatch(p -> p.getFileName().toString().startsWith("video"));
    } catch (IOException e) {
      return false;
    }
  }
}
