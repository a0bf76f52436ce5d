package com.convene.desktop.call;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.HashMap;
import java.util.Map;

/// Turns successive `inbound-rtp` stats (W3C webrtc-stats §8.3: `bytesReceived`, `trackIdentifier`) into a
/// received bitrate per remote participant. Session thread only.
final class InboundBitrate {
  private final Map<String, Sample> previous = new HashMap<>();

  /// Returns bit/s per participant since the last report, for tracks whose owner is in `ownerByTrackId`.
  Map<String, Long> update(RTCStatsReport report, Map<String, String> ownerByTrackId) {
    Map<String, Long> bitrates = new HashMap<>();
    for (RTCStats stats : report.getStats().values()) {
      if (stats.getType() != RTCStatsType.INBOUND_RTP) {
        continue;
      }
      Map<String, Object> attributes = stats.getAttributes();
      String owner = ownerByTrackId.get(String.valueOf(attributes.get("trackIdentifier")));
      if (owner == null || !(attributes.get("bytesReceived") instanceof Number bytes)) {
        continue;
      }
      long timestampMicros = stats.getTimestamp();
      Sample last = previous.put(stats.getId(), new Sample(bytes.longValue(), timestampMicros));
      if (last != null && timestampMicros > last.timestampMicros()) {
        long bps = (bytes.longValue() - last.bytes()) * 8 * 1_000_000 / (timestampMicros - last.timestampMicros());
        bitrates.merge(owner, Math.max(0, bps), Long::sum);
      } else {
        bitrates.putIfAbsent(owner, -1L);
      }
    }
    return bitrates;
  }

  private record Sample(long bytes, long timestampMicros) {}
}
