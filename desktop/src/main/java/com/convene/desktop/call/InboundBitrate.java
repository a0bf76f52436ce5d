package com.convene.desktop.call;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.HashMap;
import java.util.Map;

/// Turns successive `inbound-rtp` stats (W3C webrtc-stats §8.3: `bytesReceived`, `packetsReceived`,
/// `packetsLost`, `jitter`, `trackIdentifier`) into a received bitrate, a loss fraction and the jitter per remote
/// participant. Session thread only.
final class InboundBitrate {
  private final Map<String, Sample> previous = new HashMap<>();

  /// What one participant's tracks did since the last report.
  /// @param bitrateBps   received bit/s, or -1 before a second sample
  /// @param lossFraction packets lost / packets expected, 0–1, or -1 before a second sample
  /// @param jitterMillis largest track jitter in ms, or -1 when not reported
  record Inbound(long bitrateBps, double lossFraction, double jitterMillis) {}

  /// Returns bit/s per participant since the last report, for tracks whose owner is in `ownerByTrackId`.
  Map<String, Long> update(RTCStatsReport report, Map<String, String> ownerByTrackId) {
    Map<String, Long> bitrates = new HashMap<>();
    inbound(report, ownerByTrackId).forEach((owner, inbound) -> bitrates.put(owner, inbound.bitrateBps()));
    return bitrates;
  }

  /// Bitrate, loss and jitter per participant since the last report, for tracks whose owner is in
  /// `ownerByTrackId`.
  Map<String, Inbound> inbound(RTCStatsReport report, Map<String, String> ownerByTrackId) {
    Map<String, long[]> totals = new HashMap<>(); // bps (-1 unknown), lost, expected
    Map<String, Double> jitter = new HashMap<>();
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
      long received = attributes.get("packetsReceived") instanceof Number n ? n.longValue() : 0;
      long lost = attributes.get("packetsLost") instanceof Number n ? n.longValue() : 0;
      if (attributes.get("jitter") instanceof Number seconds) {
        jitter.merge(owner, seconds.doubleValue() * 1000, Math::max);
      }
      Sample last = previous.put(stats.getId(), new Sample(bytes.longValue(), received, lost, timestampMicros));
      long[] total = totals.computeIfAbsent(owner, o -> new long[] {-1, 0, 0});
      if (last != null && timestampMicros > last.timestampMicros()) {
        long bps = (bytes.longValue() - last.bytes()) * 8 * 1_000_000 / (timestampMicros - last.timestampMicros());
        total[0] = Math.max(0, total[0]) + Math.max(0, bps);
        long lostDelta = Math.max(0, lost - last.lost());
        total[1] += lostDelta;
        total[2] += Math.max(0, received - last.received()) + lostDelta;
      }
    }
    Map<String, Inbound> result = new HashMap<>();
    totals.forEach((owner, t) -> result.put(owner, new Inbound(t[0],
        t[0] < 0 ? -1 : t[2] == 0 ? 0 : (double) t[1] / t[2], jitter.getOrDefault(owner, -1.0))));
    return result;
  }

  private record Sample(long bytes, long received, long lost, long timestampMicros) {}
}
