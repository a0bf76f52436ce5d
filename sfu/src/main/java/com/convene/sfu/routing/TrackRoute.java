package com.convene.sfu.routing;

import com.convene.sfu.MediaKind;
import com.convene.sfu.PublishedTrack;
import com.convene.sfu.sdp.OfferedTrack;
import com.convene.sfu.speaker.DominantSpeakerDetector;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;

/// One published track, the streams it arrives in (one, or one per simulcast layer, lowest first), and the
/// subscribers it is forwarded to, each through its own [DownTrack].
///
/// Identity, track, codec and layer SSRCs are immutable and may be read on any thread; the subscriber list, the
/// layers' receive state and the recording tap are confined to the socket event loop.
public final class TrackRoute {
    private static final DownTrack[] NONE = new DownTrack[0];

    private final PeerTransport publisher;
    private final PublishedTrack track;
    private final OfferedTrack offered;
    private final LayerStream[] layers;
    private DownTrack[] subscribers = NONE;
    private @Nullable RtpTap tap;
    private @Nullable DownTrack tapDownTrack;
    /// Whether the track's packets go to subscribers and the recording; false while its participant is muted.
    private volatile boolean forwarding = true;
    /// The room's speaker detection, fed by an audio track's levels; set before the route is published.
    private volatile @Nullable DominantSpeakerDetector speakers;

    /// Creates a route with no subscribers.
    ///
    /// @param publisher      the publisher's transport
    /// @param track          the public description
    /// @param offered        SDP details (codec, cname, simulcast layers)
    /// @param pliThrottleNanos minimum gap between relayed PLIs per layer in ns
    public TrackRoute(PeerTransport publisher, PublishedTrack track, OfferedTrack offered, long pliThrottleNanos) {
        this.publisher = publisher;
        this.track = track;
        this.offered = offered;
        int clockRate = clockRate(offered.codec().rtpmap());
        boolean keepsHistory = track.kind() == MediaKind.VIDEO && offered.codec().nack();
        int[] ssrcs = offered.layerSsrcs();
        this.layers = new LayerStream[ssrcs.length];
        for (int i = 0; i < ssrcs.length; i++) {
            layers[i] = new LayerStream(i, ssrcs[i], clockRate, keepsHistory, pliThrottleNanos);
        }
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

    /// The SSRC subscribers see for this track: the only stream's, or the lowest simulcast layer's.
    int ssrc() {
        return track.ssrc();
    }

    int payloadType() {
        return offered.codec().payloadType();
    }

    boolean isVideo() {
        return track.kind() == MediaKind.VIDEO;
    }

    /// Whether the track arrives in more than one simulcast layer.
    boolean simulcast() {
        return layers.length > 1;
    }

    /// The streams, lowest layer first; at least one.
    LayerStream[] layers() {
        return layers;
    }

    /// The stream with `ssrc`, or null.
    @Nullable LayerStream layerOf(int ssrc) {
        for (LayerStream layer : layers) {
            if (layer.ssrc() == ssrc) {
                return layer;
            }
        }
        return null;
    }

    /// The highest layer that received a packet within [LayerStream#ACTIVE_NANOS] and is at most `maxLayer`, or
    /// -1 when none is. Loop only.
    int highestActiveLayer(int maxLayer, long nowNanos) {
        for (int i = Math.min(maxLayer, layers.length - 1); i >= 0; i--) {
            if (layers[i].active(nowNanos)) {
                return i;
            }
        }
        return -1;
    }

    /// Whether the track's packets are forwarded and recorded (false while its participant is muted on it).
    public boolean forwarding() {
        return forwarding;
    }

    /// Stops (false) or resumes (true) forwarding and recording the track; its packets are still received and
    /// counted. Thread-safe. A resumed video track asks its publisher for a key frame through the caller
    /// ([com.convene.sfu.SfuParticipant#setTrackForwarding]).
    public void forwarding(boolean value) {
        this.forwarding = value;
    }

    /// The room's dominant-speaker detector this audio track feeds, or null.
    @Nullable DominantSpeakerDetector speakers() {
        return speakers;
    }

    /// Makes this audio track feed `detector` (the room's). Call before publishing the route.
    public void speakers(DominantSpeakerDetector detector) {
        this.speakers = detector;
    }

    /// The recording tap this route feeds, or null. Loop only.
    @Nullable RtpTap tap() {
        return tap;
    }

    void tap(@Nullable RtpTap tap) {
        this.tap = tap;
        this.tapDownTrack = tap != null && simulcast() ? new DownTrack(this, null) : null;
    }

    /// For a tapped simulcast track, the down track that picks the best running layer for the recording and rewrites
    /// it into one stream; null otherwise. Loop only.
    @Nullable DownTrack tapDownTrack() {
        return tapDownTrack;
    }

    DownTrack[] subscribers() {
        return subscribers;
    }

    /// The down track of `subscriber`, or null. Loop only.
    @Nullable DownTrack downTrackOf(PeerTransport subscriber) {
        for (DownTrack downTrack : subscribers) {
            if (downTrack.belongsTo(subscriber)) {
                return downTrack;
            }
        }
        return null;
    }

    /// Adds `subscriber` unless present. Loop only.
    ///
    /// @return its down track, new or existing
    DownTrack addSubscriber(PeerTransport subscriber) {
        DownTrack existing = downTrackOf(subscriber);
        if (existing != null) {
            return existing;
        }
        DownTrack added = new DownTrack(this, subscriber);
        DownTrack[] bigger = Arrays.copyOf(subscribers, subscribers.length + 1);
        bigger[subscribers.length] = added;
        subscribers = bigger;
        return added;
    }

    void removeSubscriber(PeerTransport subscriber) {
        subscribers = Arrays.stream(subscribers).filter(s -> !s.belongsTo(subscriber)).toArray(DownTrack[]::new);
    }

    void clearSubscribers() {
        subscribers = NONE;
    }
}
