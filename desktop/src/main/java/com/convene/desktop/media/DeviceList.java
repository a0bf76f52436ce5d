package com.convene.desktop.media;

import java.util.List;

/// The devices present right now, in webrtc-java's order.
///
/// @param cameras     video capture devices
/// @param microphones audio capture devices
/// @param speakers    audio render devices
public record DeviceList(List<DeviceInfo> cameras, List<DeviceInfo> microphones, List<DeviceInfo> speakers) {
  /// No devices at all.
  public static final DeviceList NONE = new DeviceList(List.of(), List.of(), List.of());

  /// Copies the lists.
  public DeviceList {
    cameras = List.copyOf(cameras);
    microphones = List.copyOf(microphones);
    speakers = List.copyOf(speakers);
  }
}
