package com.convene.desktop.media;

/// One camera, microphone or speaker as webrtc-java lists it.
///
/// @param id   webrtc-java's device descriptor (`Device.getDescriptor()`), stable across restarts; what the
///             settings remember
/// @param name the name to show, e.g. `HD Webcam C525`
public record DeviceInfo(String id, String name) {
}
