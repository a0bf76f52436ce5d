package com.convene.desktop.app;

import com.convene.desktop.call.CallSession;
import com.convene.desktop.media.CameraFallback;
import com.convene.desktop.media.DeviceCatalog;
import com.convene.desktop.media.DeviceInfo;
import com.convene.desktop.ui.Messages;
import com.convene.desktop.ui.devices.VirtualDevices;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/// Watches the cameras during a call that sends one: lists them every 2 s on its own daemon thread (never the FX
/// thread) and switches the call's camera by [CameraFallback] when one is unplugged or comes back, telling the
/// user what it did. Microphone and speaker changes are left to the sound server (PulseAudio moves a stream whose
/// device disappears to the default one). Thread-safe.
final class CallDeviceWatch implements AutoCloseable {
  /// Interval between two listings, s.
  static final long PERIOD_SECONDS = 2;
  private static final Logger LOG = LoggerFactory.getLogger(CallDeviceWatch.class);

  private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r ->
      Thread.ofPlatform().daemon().name("call-device-watch").unstarted(r));
  private final CallSession session;
  private final @Nullable String wantedId;
  private final Supplier<List<DeviceInfo>> cameras;
  private final Consumer<String> notice;
  /// Names of cameras seen so far, for the message about one that is gone.
  private final Map<String, String> names = new HashMap<>();

  /// @param wantedId the camera chosen in the device settings, or null
  /// @param cameras  lists the cameras (blocking; [DeviceCatalog#cameras()])
  /// @param notice   receives a message for the user, on the watch's thread
  private CallDeviceWatch(CallSession session, @Nullable String wantedId, Supplier<List<DeviceInfo>> cameras,
      Consumer<String> notice) {
    this.session = session;
    this.wantedId = wantedId;
    this.cameras = cameras;
    this.notice = notice;
  }

  /// Starts watching the cameras of `session`.
  static CallDeviceWatch start(CallSession session, @Nullable String wantedId, Consumer<String> notice) {
    CallDeviceWatch watch = new CallDeviceWatch(session, wantedId, DeviceCatalog::cameras, notice);
    watch.poller.scheduleWithFixedDelay(watch::check, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
    return watch;
  }

  private void check() {
    try {
      List<DeviceInfo> present = cameras.get();
      present.forEach(c -> names.put(c.id(), c.name()));
      String inUse = session.cameraId().orElse(null);
      var decided = CameraFallback.decide(inUse, wantedId, present);
      if (decided.isEmpty()) {
        return;
      }
      CameraFallback.Switch change = decided.get();
      String to = session.switchCamera(change.toId()).get(10, TimeUnit.SECONDS).orElse(null);
      String toName = to == null ? VirtualDevices.TEST_PATTERN.name() : names.getOrDefault(to, to);
      String lost = change.lost();
      notice.accept(lost == null ? Messages.get("devices.call.using", toName)
          : Messages.get("devices.replaced", names.getOrDefault(lost, lost), toName));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Exception e) {
      LOG.warn("Camera watch failed: {}", e.toString());
    }
  }

  /// Stops watching.
  @Override
  public void close() {
    poller.shutdownNow();
  }
}
