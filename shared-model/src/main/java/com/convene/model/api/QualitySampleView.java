package com.convene.model.api;

import java.time.Instant;

/// One `call_quality_metrics` row (seed 000): a participant's WebRTC statistics at one moment; a field is `null`
/// when the client had no such figure.
///
/// @param metricTime         sample time (server clock)
/// @param audioBitrate       sent audio bitrate, bit/s
/// @param audioPacketLoss    audio loss, fraction 0–1
/// @param audioJitter        audio jitter, ms
/// @param audioRtt           audio round-trip time, ms
/// @param videoBitrate       sent video bitrate, bit/s
/// @param videoPacketLoss    video loss, fraction 0–1
/// @param videoFrameRate     sent frames per second
/// @param videoResolution    e.g. `640x360`
/// @param videoRtt           video round-trip time, ms
/// @param networkType        `wired`, `wifi`, `cellular` or `unknown`
/// @param bandwidthAvailable estimated available outgoing bandwidth, bit/s
/// @param cpuUsage           client CPU load, fraction 0–1
/// @param memoryUsage        client memory, MiB
public record QualitySampleView(Instant metricTime, Integer audioBitrate, Float audioPacketLoss, Float audioJitter,
    Integer audioRtt, Integer videoBitrate, Float videoPacketLoss, Float videoFrameRate, String videoResolution,
    Integer videoRtt, String networkType, Integer bandwidthAvailable, Float cpuUsage, Integer memoryUsage) {}
