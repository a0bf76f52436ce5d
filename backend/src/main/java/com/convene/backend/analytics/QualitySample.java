package com.convene.backend.analytics;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/// One `call_quality_metrics` row (seed 000): a participant's WebRTC statistics at one moment. A field is
/// `null` when the client had no such stream (e.g. no video).
///
/// @param meetingId          meeting (partition key, with participantId)
/// @param participantId      `meeting_participants.participant_id`
/// @param metricTime         when the client sampled, ms precision
/// @param audioBitrate       outgoing audio bitrate in bit/s
/// @param audioPacketLoss    audio packet loss, fraction 0–1
/// @param audioJitter        audio jitter in ms
/// @param audioRtt           audio round-trip time in ms
/// @param videoBitrate       outgoing video bitrate in bit/s
/// @param videoPacketLoss    video packet loss, fraction 0–1
/// @param videoFrameRate     sent video frames per second
/// @param videoResolution    sent video resolution, e.g. `640x480`
/// @param videoRtt           video round-trip time in ms
/// @param networkType        e.g. `wired`, `wifi`, `unknown`
/// @param bandwidthAvailable estimated available outgoing bandwidth in bit/s
/// @param cpuUsage           process CPU load, fraction 0–1
/// @param memoryUsage        process memory in MiB
public record QualitySample(UUID meetingId, UUID participantId, Instant metricTime,
                            @Nullable Integer audioBitrate, @Nullable Float audioPacketLoss,
                            @Nullable Float audioJitter, @Nullable Integer audioRtt,
                            @Nullable Integer videoBitrate, @Nullable Float videoPacketLoss,
                            @Nullable Float videoFrameRate, @Nullable String videoResolution,
                            @Nullable Integer videoRtt, @Nullable String networkType,
                            @Nullable Integer bandwidthAvailable, @Nullable Float cpuUsage,
                            @Nullable Integer memoryUsage) implements AnalyticsRow {

    public QualitySample {
        Objects.requireNonNull(meetingId, "meetingId");
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(metricTime, "metricTime");
    }
}
