package com.convene.desktop.call;

import com.convene.model.signal.QualityReport;
import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;

/// Turns the publish connection's stats report (W3C webrtc-stats: `outbound-rtp` §8.4 for bytes, frames and
/// resolution, `remote-inbound-rtp` §8.5 for loss, jitter and RTT as the SFU reports them, `candidate-pair` §8.10
/// for available bandwidth) into a [QualityReport]. Bitrates are deltas between successive reports.
/// Session thread only.
final class QualityReporter {
  private final Map<String, long[]> previousBytes = new HashMap<>();

  QualityReport report(RTCStatsReport report) {
    Integer audioBitrate = null;
    Integer videoBitrate = null;
    Float audioLoss = null;
    Float videoLoss = null;
    Float audioJitter = null;
    Integer audioRtt = null;
    Integer videoRtt = null;
    Float frameRate = null;
    String resolution = null;
    Integer bandwidth = null;
    for (RTCStats stats : report.getStats().values()) {
      Map<String, Object> a = stats.getAttributes();
      String kind = String.valueOf(a.get("kind"));
      if (stats.getType() == RTCStatsType.OUTBOUND_RTP) {
        Integer bps = bitrate(stats, a.get("bytesSent"));
        if ("audio".equals(kind)) {
          audioBitrate = sum(audioBitrate, bps);
        } else if ("video".equals(kind)) {
          videoBitrate = sum(videoBitrate, bps);
          if (a.get("framesPerSecond") instanceof Number fps) {
            frameRate = clamp(fps.floatValue(), 240);
          }
          if (a.get("frameWidth") instanceof Number w && a.get("frameHeight") instanceof Number h) {
            resolution = w.intValue() + "x" + h.intValue();
          }
        }
      } else if (stats.getType() == RTCStatsType.REMOTE_INBOUND_RTP) {
        Float loss = a.get("fractionLost") instanceof Number f ? clamp(f.floatValue(), 1) : null;
        Integer rtt = a.get("roundTripTime") instanceof Number r ? (int) Math.min(60_000, r.doubleValue() * 1000) : null;
        if ("audio".equals(kind)) {
          audioLoss = loss;
          audioRtt = rtt;
          if (a.get("jitter") instanceof Number j) {
            audioJitter = clamp((float) (j.doubleValue() * 1000), 60_000);
          }
        } else if ("video".equals(kind)) {
          videoLoss = loss;
          videoRtt = rtt;
        }
      } else if (stats.getType() == RTCStatsType.CANDIDATE_PAIR
          && a.get("availableOutgoingBitrate") instanceof Number out) {
        bandwidth = (int) Math.min(Integer.MAX_VALUE, Math.max(0, out.longValue()));
      }
    }
    Float cpu = null;
    if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
      double load = os.getProcessCpuLoad();
      cpu = load >= 0 ? clamp((float) load, 1) : null;
    }
    Runtime rt = Runtime.getRuntime();
    int memoryMib = (int) ((rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
    return new QualityReport(audioBitrate, audioLoss, audioJitter, audioRtt, videoBitrate, videoLoss, frameRate,
        resolution, videoRtt, "unknown", bandwidth, cpu, memoryMib);
  }

  private Integer bitrate(RTCStats stats, Object bytesSent) {
    if (!(bytesSent instanceof Number bytes)) {
      return null;
    }
    long[] last = previousBytes.put(stats.getId(), new long[] {bytes.longValue(), stats.getTimestamp()});
    if (last == null || stats.getTimestamp() <= last[1]) {
      return null;
    }
    long bps = (bytes.longValue() - last[0]) * 8 * 1_000_000 / (stats.getTimestamp() - last[1]);
    return (int) Math.max(0, Math.min(100_000_000, bps));
  }

  private static Integer sum(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.min(100_000_000, a + b);
  }

  private static float clamp(float value, float max) {
    return Float.isNaN(value) ? 0 : Math.max(0, Math.min(max, value));
  }
}
