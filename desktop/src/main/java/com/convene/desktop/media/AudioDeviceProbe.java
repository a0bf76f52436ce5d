package com.convene.desktop.media;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Decides whether a real audio device module can be built without aborting the JVM.
///
/// webrtc-java 0.14.0 aborts the process (native `abort`, no exception) when its default Linux audio device
/// module finds no PulseAudio server, so on Linux the server is probed first with `pactl info`, falling
/// back to looking for the PulseAudio socket when `pactl` is not installed.
final class AudioDeviceProbe {
  private static final Logger LOG = LoggerFactory.getLogger(AudioDeviceProbe.class);
  private static final long PACTL_TIMEOUT_MILLIS = 2_000;

  private AudioDeviceProbe() {}

  /// Whether the platform audio device module is safe to construct. Blocks up to 2 s; call off the FX thread.
  static boolean realAudioDevicesUsable() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    if (!os.contains("linux")) {
      return true;
    }
    Boolean pactl = pactlInfoSucceeds();
    if (pactl != null) {
      return pactl;
    }
    return pulseSocketExists();
  }

  private static Boolean pactlInfoSucceeds() {
    try {
      Process process = new ProcessBuilder("pactl", "info")
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!process.waitFor(PACTL_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        LOG.warn("pactl info timed out; treating PulseAudio as absent");
        return false;
      }
      return process.exitValue() == 0;
    } catch (IOException e) {
      LOG.debug("pactl not runnable: {}", e.getMessage());
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static boolean pulseSocketExists() {
    String server = System.getenv("PULSE_SERVER");
    if (server != null && !server.isBlank()) {
      return true;
    }
    String runtimeDir = System.getenv("XDG_RUNTIME_DIR");
    return runtimeDir != null && Files.exists(Path.of(runtimeDir, "pulse", "native"));
  }
}
