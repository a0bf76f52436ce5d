package com.convene.model.signal;

/// A client's WebRTC statistics (W3C webrtc-stats: `outbound-rtp`, `remote-inbound-rtp`, `candidate-pair`),
/// sent every 5 s while joined; the server stores it as one `call_quality_metrics` row (seed 000). A component is
/// `null` when the client has no such stream or figure yet.
///
/// @param audioBitrateBps       sent audio bitrate in bit/s, 0–100,000,000
/// @param audioPacketLoss       audio loss the SFU reported back, fraction 0–1
/// @param audioJitterMillis     audio jitter in ms, 0–60,000
/// @param audioRttMillis        audio round-trip time in ms, 0–60,000
/// @param videoBitrateBps       sent video bitrate in bit/s, 0–100,000,000
/// @param videoPacketLoss       video loss, fraction 0–1
/// @param videoFrameRate        sent video frames per second, 0–240
/// @param videoResolution       sent resolution `WIDTHxHEIGHT`, e.g. `640x360`, at most 20 characters
/// @param videoRttMillis        video round-trip time in ms, 0–60,000
/// @param networkType           `wired`, `wifi`, `cellular` or `unknown`, at most 20 characters
/// @param bandwidthAvailableBps estimated available outgoing bandwidth in bit/s, 0–10,000,000,000 capped to int
/// @param cpuUsage              the client process's CPU load, fraction 0–1
/// @param memoryUsageMib        the client process's memory in MiB, 0–1,000,000
public record QualityReport(
    Integer audioBitrateBps,
    Float audioPacketLoss,
    Float audioJitterMillis,
    Integer audioRttMillis,
    Integer videoBitrateBps,
    Float videoPacketLoss,
    Float videoFrameRate,
    String videoResolution,
    Integer videoRttMillis,
    String networkType,
    Integer bandwidthAvailableBps,
    Float cpuUsage,
    Integer memoryUsageMib) implements Signal {
  /// Wire name.
  public static final String TYPE = "quality-report";

  public QualityReport {
    range(audioBitrateBps, 0, 100_000_000, "audioBitrateBps");
    fraction(audioPacketLoss, "audioPacketLoss");
    range(audioJitterMillis, 0, 60_000, "audioJitterMillis");
    range(audioRttMillis, 0, 60_000, "audioRttMillis");
    range(videoBitrateBps, 0, 100_000_000, "videoBitrateBps");
    fraction(videoPacketLoss, "videoPacketLoss");
    range(videoFrameRate, 0, 240, "videoFrameRate");
    length(videoResolution, "videoResolution");
    range(videoRttMillis, 0, 60_000, "videoRttMillis");
    length(networkType, "networkType");
    range(bandwidthAvailableBps, 0, Integer.MAX_VALUE, "bandwidthAvailableBps");
    fraction(cpuUsage, "cpuUsage");
    range(memoryUsageMib, 0, 1_000_000, "memoryUsageMib");
  }

  private static void range(Number value, double min, double max, String name) {
    if (value != null && (Double.isNaN(value.doubleValue()) || value.doubleValue() < min || value.doubleValue() > max)) {
      throw new IllegalArgumentException(name + " must be within " + min + "–" + max);
    }
  }

  private static void fraction(Float value, String name) {
    range(value, 0, 1, name);
  }

  private static void length(String value, String name) {
    if (value != null && (value.isBlank() || value.length() > 20)) {
      throw new IllegalArgumentException(name + " must be 1–20 characters");
    }
  }
}
