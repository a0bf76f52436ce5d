package com.convene.desktop.media;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/// What a call that sends a camera does when the cameras change (decision 074): a camera in use that disappears
/// is replaced by the chosen one if present, else the first camera, else the test pattern; a call on the test
/// pattern (no camera at join, or the last one unplugged) moves to the chosen camera when it appears, or to the
/// first camera when none was chosen; a call on a stand-in moves back to the chosen camera when it returns.
public final class CameraFallback {
  private CameraFallback() {}

  /// A change to make.
  ///
  /// @param toId the camera to send (a [DeviceInfo#id]), or null for the test pattern
  /// @param lost the camera that disappeared, or null when a camera appeared
  public record Switch(@Nullable String toId, @Nullable String lost) {}

  /// The change the current cameras call for, if any.
  ///
  /// @param inUseId  the camera the call sends now, or null for the test pattern
  /// @param wantedId the camera chosen in the device settings, or null for the system's first
  /// @param cameras  the cameras present now
  public static Optional<Switch> decide(@Nullable String inUseId, @Nullable String wantedId,
      List<DeviceInfo> cameras) {
    boolean wantedPresent = wantedId != null && cameras.stream().anyMatch(c -> c.id().equals(wantedId));
    if (inUseId != null && cameras.stream().noneMatch(c -> c.id().equals(inUseId))) {
      String next = wantedPresent ? wantedId : cameras.isEmpty() ? null : cameras.getFirst().id();
      return Optional.of(new Switch(next, inUseId));
    }
    if (wantedPresent && !Objects.equals(inUseId, wantedId)) {
      return Optional.of(new Switch(wantedId, null));
    }
    if (inUseId == null && wantedId == null && !cameras.isEmpty()) {
      return Optional.of(new Switch(cameras.getFirst().id(), null));
    }
    return Optional.empty();
  }
}
