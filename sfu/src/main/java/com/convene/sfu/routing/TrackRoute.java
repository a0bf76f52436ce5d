package com.convene.sfu.routing;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.rtcp.PliThrottle;
import com.convene.sfu.rtp.ReceptionStatistics;
import com.convene.sfu.rtp.RetransmissionBuffer;
import com.convene.sfu.rtp.SequenceGaps;
import com.convene.sfu.sdp.OfferedTrack;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// One published track and the subscriber transports it is forwarded to.
///
/// Identity, track and codec are immutable and may be read on any thread; the subscriber list and the PLI throttle
/// and the recording tap are confined to the socket event loop.
public final class TrackRoute {
    private static final PeerTransport[] NONE = new PeerTransport[0];

    private final PeerTransport publisher;
    private final PublishedTrack track;
    private final OfferedTrack offered;
    private final PliThrottle pliThrottle;
    private PeerTransport[] subscribers = NONE;
    private @Nullable RtpTap tap;
    private final SequenceGaps sequenceGaps = new SequenceGaps();
    private final ReceptionStatistics reception;
    /// Recent packets for answering subscribers' NACKs; null unless the track is video with NACK negotiated.
    private final @Nullable RetransmissionBuffer history;

    /// Creates a route with no subscribers.
    ///
    /// @param publisher      the publisher's transport
    /// @param track          the public description
    /// @param offered        SDP details (codec, cname)
    /// @param pliThrottleNanos minimum gap between relayed PLIs in ns
    public TrackRoute(PeerTransport publisher, PublishedTrack track, OfferedTrack offered, long pliThrottleNanos) {
        this.publisher = publisher;
        this.track = track;
        this.offered = offered;
        this.pliThrottle = new PliThrottle(pliThrottleNanos);
        this.history = track.kind() == MediaKind.VIDEO && offered.codec().nack() ? new RetransmissionBuffer() : null;
        this.reception = new ReceptionStatistics(clockRate(offered.codec().rtpmap()));
    }

    /// The clock rate of an `a=rtpmap` encoding such as `VP8/90000` or `opus/48000/2`, in Hz.
    static int clockRate(String rtpmap) {
        String[] parts = rtpmap.split("/");
        try {
            return parts.length > 1 ? Integer.parseInt(parts[1].trim()) : 90_000;
        } catch (NumberFormatException e) {
            return 90_000;
        }
    }

    /// What the SFU received of this track, for receiver reports to the publisher. Loop only.
    ReceptionStatistics reception() {
        return reception;
    }

    /// Recent packets of a video track with NACK, or null. Loop only.
    @Nullable RetransmissionBuffer history() {
        return history;
    }

    /// The publisher's transport.
    public PeerTransport publisher() {
        return publisher;
    }

    /// The track.
    public PublishedTrack track() {
        return track;
    }

    /// The SDP details.
    public OfferedTrack offered() {
        return offered;
    }

    int ssrc() {
        return track.ssrc();
    }

    int payloadType() {
        return offered.codec().payloadType();
    }

    boolean isVideo() {
        return track.kind() == MediaKind.VIDEO;
    }

    /// The recording tap this route feeds, or null. Loop only.
    @Nullable RtpTap tap() {
        return tap;
    }

    void tap(@Nullable RtpTap tap) {
        this.tap = tap;
    }

    /// Counts sequence-number gaps of the publisher's packets. Loop only.
    SequenceGaps sequenceGaps() {
        return sequenceGaps;
    }

    PliThrottle pliThrottle() {
        return pliThrottle;
    }

    PeerTransport[] subscribers() {
        return subscribers;
    }

    void addSubscriber(PeerTransport subscriber) {
        for (PeerTransport existing : subscribers) {
            if (existing == subscriber) {
                return;
            }
        }
        PeerTransport[] bigger = Arrays.copyOf(subscribers, subscribers.length + 1);
        bigger[subscribers.length] = subscriber;
        subscribers = bigger;
    }

    void removeSubscriber(PeerTransport subscriber) {
        subscribers = Arrays.stream(subscribers).filter(s -> s != subscriber).toArray(PeerTransport[]::new);
    }

    void clearSubscribers() {
        subscribers = NONE;
    }
}
