package com.convene.sfu.routing;

import com.convene.sfu.rtp.RtpHeader;
import com.convene.sfu.rtp.Vp8Descriptor;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// One track as one subscriber receives it: which simulcast layer it gets, and the rewriting that makes the
/// layers it is switched between look like one continuous stream (docs/media-quality.md "Simulcast").
///
/// For a track in one stream nothing is chosen or rewritten: packets go out as they came. For a simulcast track:
/// - the subscriber sees one SSRC, the lowest layer's ([TrackRoute#ssrc()]);
/// - the layer it gets is the highest running layer at or below the layer it asked for ([#maxLayer(int)]);
/// - a switch happens only at a key frame of the new layer, which [#wantsKeyFrame] asks the publisher for;
/// - sequence numbers, timestamps, VP8 picture ids and TL0PICIDX (RFC 7741 §4.2) are shifted at each switch so
///   they continue from the last packet sent, and the shift of each sent packet is remembered so a NACK for it can
///   be answered with the same rewriting.
///
/// Confined to the socket event loop. Allocation-free per packet.
final class DownTrack {
    /// Sent packets remembered for NACKs, a power of two (the retransmission cache holds 512 per layer).
    static final int SENT_HISTORY = 1024;
    /// The layer a subscriber gets when it has said nothing: the highest.
    static final int ALL_LAYERS = Integer.MAX_VALUE;
    /// Frames a lower layer may complete while the layer being sent sends nothing before that layer counts as
    /// stopped: all layers carry the same camera frames, so three frames (about 100 ms at 30 fps) is a pause of the
    /// publisher's, not jitter. Much faster than the 1 s activity window of [LayerStream#active].
    static final int STALLED_FRAMES = 3;

    private final TrackRoute route;
    /// The subscriber, or null for the recording tap's down track.
    private final @Nullable PeerTransport subscriber;
    private int maxLayer = ALL_LAYERS;
    private int currentLayer = -1;
    private int targetLayer = -1;
    private boolean started;
    private int switchSequence;
    private int sequenceDelta;
    private long timestampDelta;
    private int pictureIdDelta;
    private int tl0PicIdxDelta;
    private int lastSequence;
    private long lastTimestamp;
    private long lastSentNanos;
    private int lastPictureId = -1;
    private int lastTl0PicIdx = -1;
    private long layerSwitches;
    /// Frames lower layers completed since the layer being sent last sent a packet.
    private int framesWhileCurrentSilent;
    private boolean urgent;
    private final int[] sentSequence = new int[SENT_HISTORY];
    private final int[] sentLayer = new int[SENT_HISTORY];
    private final int[] sentSourceSequence = new int[SENT_HISTORY];
    private final long[] sentTimestampDelta = new long[SENT_HISTORY];
    private final int[] sentPictureIdDelta = new int[SENT_HISTORY];
    private final int[] sentTl0PicIdxDelta = new int[SENT_HISTORY];

    /// @param subscriber the subscriber, or null for the recording tap (which takes the best running layer)
    DownTrack(TrackRoute route, @Nullable PeerTransport subscriber) {
        this.route = route;
        this.subscriber = subscriber;
        Arrays.fill(sentSequence, -1);
    }

    /// The subscriber; only for down tracks of subscribers (never the tap's).
    PeerTransport subscriber() {
        PeerTransport s = subscriber;
        if (s == null) {
            throw new IllegalStateException("the recording tap's down track has no subscriber");
        }
        return s;
    }

    /// Whether this down track belongs to `transport`.
    boolean belongsTo(PeerTransport transport) {
        return subscriber == transport;
    }

    TrackRoute route() {
        return route;
    }

    /// The highest layer the subscriber wants: 0 for the lowest, [#ALL_LAYERS] for the best, -1 for none (the
    /// track is off screen: nothing is sent).
    void maxLayer(int layer) {
        this.maxLayer = layer;
    }

    int maxLayer() {
        return maxLayer;
    }

    /// The layer being sent now, or -1.
    int currentLayer() {
        return currentLayer;
    }

    /// The layer wanted at the last decision, or -1.
    int targetLayer() {
        return targetLayer;
    }

    /// Layer switches so far.
    long layerSwitches() {
        return layerSwitches;
    }

    /// Decides whether a packet of `layer` goes to this subscriber, switching layers at a key frame of the wanted
    /// one. Call [#rewrite] on the copy when it returns true.
    ///
    /// @param layer       the packet's layer index
    /// @param clear       the clear packet
    /// @param offset      where it starts
    /// @param length      its length
    /// @param nowNanos    [System#nanoTime()] ns
    /// @return true to send it
    boolean accept(int layer, byte[] clear, int offset, int length, long nowNanos) {
        if (maxLayer < 0) {
            targetLayer = -1;
            return false;
        }
        if (layer == currentLayer) {
            framesWhileCurrentSilent = 0;
        } else if (currentLayer >= 0 && layer < currentLayer && RtpHeader.marker(clear, offset)) {
            framesWhileCurrentSilent++; // a lower layer finished a frame while the one being sent sent nothing
        }
        boolean currentStalled = framesWhileCurrentSilent >= STALLED_FRAMES;
        int cap = currentStalled ? Math.min(maxLayer, currentLayer - 1) : maxLayer;
        int target = cap < 0 ? -1 : route.highestActiveLayer(cap, nowNanos);
        int previousTarget = targetLayer;
        targetLayer = target < 0 ? Math.max(0, Math.min(cap, route.layers().length - 1)) : target;
        // at once, past the throttle: the layer being sent stopped, or nothing is being sent yet (a first picture)
        urgent = (currentStalled || currentLayer < 0) && targetLayer != previousTarget;
        int sequence = RtpHeader.sequenceNumber(clear, offset);
        if (layer == currentLayer) {
            return !olderThan(sequence, switchSequence);
        }
        if (layer != targetLayer) {
            return false;
        }
        int payload = offset + RtpHeader.headerLength(clear, offset, length);
        int end = RtpHeader.payloadEnd(clear, offset, length);
        if (!Vp8Descriptor.startsKeyFrame(clear, payload, end)) {
            return false;
        }
        switchTo(layer, clear, offset, payload, end, nowNanos);
        return true;
    }

    /// Whether the layer wanted is not the one being sent, so its publisher should be asked for a key frame.
    boolean wantsKeyFrame() {
        return targetLayer >= 0 && targetLayer != currentLayer;
    }

    /// Whether the key frame is needed at once, past the PLI throttle: nothing has been sent yet (the subscriber waits
    /// for its first picture), or the layer being sent has stopped (the publisher paused it) and the subscriber sees
    /// a frozen picture until the lower layer's key frame arrives. True only for the packet that decided it.
    boolean urgent() {
        return urgent;
    }

    private void switchTo(int layer, byte[] clear, int offset, int payload, int end, long nowNanos) {
        framesWhileCurrentSilent = 0;
        int sequence = RtpHeader.sequenceNumber(clear, offset);
        long timestamp = RtpHeader.timestamp(clear, offset);
        if (started) {
            sequenceDelta = (lastSequence + 1 - sequence) & 0xFFFF;
            int clockRate = TrackRoute.clockRate(route.offered().codec().rtpmap());
            long elapsedTicks = Math.max(1, (nowNanos - lastSentNanos) * clockRate / 1_000_000_000L);
            long byElapsed = (lastTimestamp + elapsedTicks - timestamp) & 0xFFFF_FFFFL;
            timestampDelta = currentLayer < 0 ? byElapsed
                    : bySenderReports(route.layers()[layer], route.layers()[currentLayer], timestamp, clockRate,
                            byElapsed);
            int pictureIdAt = Vp8Descriptor.pictureIdOffset(clear, payload, end);
            if (pictureIdAt >= 0 && lastPictureId >= 0) {
                pictureIdDelta = (lastPictureId + 1 - Vp8Descriptor.pictureId(clear, pictureIdAt)) & 0x7FFF;
            }
            int tl0At = Vp8Descriptor.tl0PicIdxOffset(clear, payload, end);
            if (tl0At >= 0 && lastTl0PicIdx >= 0) {
                tl0PicIdxDelta = (lastTl0PicIdx + 1 - (clear[tl0At] & 0xFF)) & 0xFF;
            }
        }
        currentLayer = layer;
        switchSequence = sequence;
        layerSwitches++;
    }

    /// The timestamp shift that puts `next`'s packets on the same capture clock as `previous`'s already sent ones,
    /// from both layers' sender reports (mediasoup and jitsi-videobridge do the same): exact, so lip sync and the
    /// recording's timing survive the switch. Falls back to `byElapsed` (the wall time since the last packet sent)
    /// without reports, or when the result would not move forward by less than 5 s.
    private long bySenderReports(LayerStream next, LayerStream previous, long firstTimestamp, int clockRate,
            long byElapsed) {
        long offset = next.timestampOffsetFrom(previous, clockRate);
        if (offset == Long.MIN_VALUE) {
            return byElapsed;
        }
        long candidate = (timestampDelta - offset) & 0xFFFF_FFFFL;
        long ahead = (firstTimestamp + candidate - lastTimestamp) & 0xFFFF_FFFFL;
        return ahead > 0 && ahead < 5L * clockRate ? candidate : byElapsed;
    }

    /// Rewrites a copy of an accepted packet in place so it continues this subscriber's stream: SSRC, sequence
    /// number, timestamp, picture id and TL0PICIDX; remembers the shift for NACKs.
    ///
    /// @param buffer the copy
    /// @param offset where it starts
    /// @param length its length
    /// @param layer  the layer it came from
    /// @param nowNanos [System#nanoTime()] ns
    void rewrite(byte[] buffer, int offset, int length, int layer, long nowNanos) {
        int source = RtpHeader.sequenceNumber(buffer, offset);
        int sequence = apply(buffer, offset, length, sequenceDelta, timestampDelta, pictureIdDelta, tl0PicIdxDelta);
        int slot = sequence & (SENT_HISTORY - 1);
        sentSequence[slot] = sequence;
        sentLayer[slot] = layer;
        sentSourceSequence[slot] = source;
        sentTimestampDelta[slot] = timestampDelta;
        sentPictureIdDelta[slot] = pictureIdDelta;
        sentTl0PicIdxDelta[slot] = tl0PicIdxDelta;
        if (!started || !olderThan(sequence, lastSequence)) {
            started = true;
            lastSequence = sequence;
            lastTimestamp = RtpHeader.timestamp(buffer, offset);
            lastSentNanos = nowNanos;
            int payload = offset + RtpHeader.headerLength(buffer, offset, length);
            int end = RtpHeader.payloadEnd(buffer, offset, length);
            int pictureIdAt = Vp8Descriptor.pictureIdOffset(buffer, payload, end);
            if (pictureIdAt >= 0) {
                lastPictureId = Vp8Descriptor.pictureId(buffer, pictureIdAt);
            }
            int tl0At = Vp8Descriptor.tl0PicIdxOffset(buffer, payload, end);
            if (tl0At >= 0) {
                lastTl0PicIdx = buffer[tl0At] & 0xFF;
            }
        }
    }

    /// The layer a sent sequence number came from, or -1 when it is no longer (or never was) remembered.
    int sentLayer(int sequence) {
        int slot = sequence & (SENT_HISTORY - 1);
        return sentSequence[slot] == (sequence & 0xFFFF) ? sentLayer[slot] : -1;
    }

    /// The publisher's sequence number of a sent one; only after [#sentLayer] returned a layer.
    int sentSourceSequence(int sequence) {
        return sentSourceSequence[sequence & (SENT_HISTORY - 1)];
    }

    /// Rewrites a copy of a kept packet the way it was rewritten when first sent as `sequence`, for a
    /// retransmission; only after [#sentLayer] returned a layer.
    void rewriteAsSent(byte[] buffer, int offset, int length, int sequence) {
        int slot = sequence & (SENT_HISTORY - 1);
        int sequenceShift = (sequence - sentSourceSequence[slot]) & 0xFFFF;
        apply(buffer, offset, length, sequenceShift, sentTimestampDelta[slot], sentPictureIdDelta[slot],
                sentTl0PicIdxDelta[slot]);
    }

    /// Shifts the numbering of a packet and sets the subscriber's SSRC.
    ///
    /// @return the new sequence number
    private int apply(byte[] buffer, int offset, int length, int sequenceShift, long timestampShift,
            int pictureIdShift, int tl0Shift) {
        int sequence = (RtpHeader.sequenceNumber(buffer, offset) + sequenceShift) & 0xFFFF;
        RtpHeader.writeSequenceNumber(buffer, offset, sequence);
        RtpHeader.writeTimestamp(buffer, offset, (RtpHeader.timestamp(buffer, offset) + timestampShift) & 0xFFFF_FFFFL);
        RtpHeader.writeSsrc(buffer, offset, route.ssrc());
        int payload = offset + RtpHeader.headerLength(buffer, offset, length);
        int end = RtpHeader.payloadEnd(buffer, offset, length);
        int pictureIdAt = Vp8Descriptor.pictureIdOffset(buffer, payload, end);
        if (pictureIdAt >= 0 && pictureIdShift != 0) {
            Vp8Descriptor.writePictureId(buffer, pictureIdAt, Vp8Descriptor.pictureId(buffer, pictureIdAt) + pictureIdShift);
        }
        int tl0At = Vp8Descriptor.tl0PicIdxOffset(buffer, payload, end);
        if (tl0At >= 0 && tl0Shift != 0) {
            buffer[tl0At] = (byte) ((buffer[tl0At] & 0xFF) + tl0Shift);
        }
        return sequence;
    }

    /// The timestamp shift of the layer being sent now (for rewriting its sender reports), in RTP clock ticks.
    long timestampDelta() {
        return timestampDelta;
    }

    /// RFC 3550 §A.1 serial-number comparison: whether `a` comes before `b`.
    private static boolean olderThan(int a, int b) {
        int difference = (a - b) & 0xFFFF;
        return difference != 0 && difference >= 0x8000;
    }
}
