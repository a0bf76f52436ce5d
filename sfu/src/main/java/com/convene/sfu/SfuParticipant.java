package com.convene.sfu;

import com.convene.sfu.routing.MediaRouter;
import com.convene.sfu.routing.PeerTransport;
import com.convene.sfu.routing.RtpTap;
import com.convene.sfu.routing.TrackRoute;
import com.convene.sfu.sdp.LocalTransportParameters;
import com.convene.sfu.sdp.OfferedTrack;
import com.convene.sfu.sdp.PublisherNegotiation;
import com.convene.sfu.sdp.RemoteTransportParameters;
import com.convene.sfu.sdp.SubscriberNegotiation;
import com.convene.sfu.sdp.SubscriberSlot;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;

/// One client in a room, with its two PeerConnections: publish (the client offers, the SFU answers `recvonly`) and
/// subscribe (the SFU offers one `sendonly` m-line per remote track, the client answers).
///
/// Thread-safe. At most one subscriber offer is outstanding; changes meanwhile are queued until the answer arrives.
public final class SfuParticipant {
    private final String participantId;
    private final SfuRoom room;
    private final SfuServer server;
    private final SfuListener listener;
    private final PeerTransport publishTransport;
    private final PeerTransport subscribeTransport;
    private final long subscriberSessionId = ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE);

    // guarded by this
    private List<TrackRoute> published = List.of();
    private List<SubscriberSlot> slots = List.of();
    private List<@Nullable TrackRoute> slotRoutes = List.of();
    private @Nullable List<SubscriberSlot> offeredSlots;
    private @Nullable List<@Nullable TrackRoute> offeredRoutes;
    private boolean renegotiationPending;
    private long subscriberVersion = 1;
    private int nextMid;
    private boolean closed;
    /// [#setMaxLayer] value for the best layer a publisher sends.
    public static final int ALL_LAYERS = Integer.MAX_VALUE;

    SfuParticipant(String participantId, SfuRoom room, SfuServer server, SfuListener listener) {
        this.participantId = participantId;
        this.room = room;
        this.server = server;
        this.listener = listener;
        MediaRouter router = server.router();
        String prefix = room.roomId() + "/" + participantId;
        this.publishTransport = router.newTransport(prefix + "/publish", PeerTransport.Role.PUBLISH,
                listener::onPublisherConnected);
        this.subscribeTransport = router.newTransport(prefix + "/subscribe", PeerTransport.Role.SUBSCRIBE,
                listener::onSubscriberConnected);
    }

    /// The participant id.
    public String participantId() {
        return participantId;
    }

    /// Answers the client's publish offer. Tracks it adds or drops are announced to the room and everyone else
    /// renegotiates.
    ///
    /// @param sdpOffer the offer (RFC 8866)
    /// @return the SDP answer
    /// @throws SdpException when the offer cannot be accepted; nothing changes then
    public String acceptPublisherOffer(String sdpOffer) {
        PublisherNegotiation negotiation = PublisherNegotiation.negotiate(sdpOffer, localParameters(publishTransport));
        RemoteTransportParameters remote = negotiation.remote();
        List<TrackRoute> added = new ArrayList<>();
        List<TrackRoute> removed = new ArrayList<>();
        synchronized (this) {
            if (closed) {
                throw new SfuException("participant " + participantId + " has left", null);
            }
            publishTransport.setRemote(remote.iceUfrag(), remote.fingerprint());
            List<TrackRoute> next = new ArrayList<>();
            for (OfferedTrack offered : negotiation.tracks()) {
                TrackRoute kept = null;
                for (TrackRoute route : published) {
                    if (route.offered().equals(offered)) {
                        kept = route;
                    }
                }
                if (kept == null) {
                    PublishedTrack track = new PublishedTrack(participantId, offered.streamId(), offered.trackId(),
                            offered.codec().kind(), offered.ssrc(), offered.mid());
                    kept = server.router().newRoute(publishTransport, track, offered);
                    kept.speakers(room.speakers());
                    added.add(kept);
                    RtpTap tap = room.tap();
                    if (tap != null) {
                        server.router().attachTap(kept, tap);
                    }
                }
                next.add(kept);
            }
            for (TrackRoute route : published) {
                if (!next.contains(route)) {
                    removed.add(route);
                }
            }
            published = List.copyOf(next);
            server.router().setPublished(publishTransport, next.toArray(TrackRoute[]::new),
                    negotiation.transportCcExtensionId(), negotiation.audioLevelExtensionId());
        }
        room.tracksChanged(this, added, removed);
        return negotiation.answer();
    }

    /// Applies the client's answer to the outstanding subscriber offer, then sends a queued renegotiation if any.
    ///
    /// @param sdpAnswer the answer
    /// @throws SdpException when no offer is outstanding, or the answer does not match it or says `setup:passive`
    public void acceptSubscriberAnswer(String sdpAnswer) {
        boolean again;
        synchronized (this) {
            List<SubscriberSlot> offered = offeredSlots;
            List<@Nullable TrackRoute> routes = offeredRoutes;
            if (offered == null || routes == null) {
                throw new SdpException(SdpException.Reason.UNEXPECTED_ANSWER, "no subscriber offer outstanding");
            }
            RemoteTransportParameters remote = SubscriberNegotiation.checkAnswer(sdpAnswer, offered);
            subscribeTransport.setRemote(remote.iceUfrag(), remote.fingerprint());
            slots = offered;
            slotRoutes = routes;
            offeredSlots = null;
            offeredRoutes = null;
            List<TrackRoute> active = new ArrayList<>();
            for (TrackRoute route : routes) {
                if (route != null) {
                    active.add(route);
                }
            }
            server.router().setSubscribed(subscribeTransport, active.toArray(TrackRoute[]::new));
            again = renegotiationPending;
            renegotiationPending = false;
        }
        if (again) {
            renegotiate();
        }
    }

    /// Sets the highest simulcast layer this participant receives of another participant's video track: 0 for the
    /// lowest, [#ALL_LAYERS] for the best the publisher sends, -1 for none (the tile is off screen). Takes effect at
    /// the next key frame of that layer, which the SFU asks the publisher for (docs/media-quality.md "Simulcast").
    /// A track in one stream has one layer: any value from 0 sends it, -1 pauses it.
    ///
    /// @param publisherId the publishing participant
    /// @param trackId     its track id (`a=msid`)
    /// @param maxLayer    -1, 0, 1, 2 or [#ALL_LAYERS]
    /// @return false when this participant does not receive that track
    public boolean setMaxLayer(String publisherId, String trackId, int maxLayer) {
        TrackRoute route = subscribedRoute(publisherId, trackId);
        if (route == null) {
            return false;
        }
        server.router().setMaxLayer(subscribeTransport, route, maxLayer);
        return true;
    }

    /// The simulcast layer this participant receives of a track now, or -1 (none, or waiting for a key frame).
    ///
    /// @return a future of the layer index, completed on the SFU's loop
    public java.util.concurrent.CompletableFuture<Integer> currentLayer(String publisherId, String trackId) {
        TrackRoute route = subscribedRoute(publisherId, trackId);
        return route == null ? java.util.concurrent.CompletableFuture.completedFuture(-1)
                : server.router().currentLayer(subscribeTransport, route);
    }

    private synchronized @Nullable TrackRoute subscribedRoute(String publisherId, String trackId) {
        for (TrackRoute route : slotRoutes) {
            if (route != null && route.track().participantId().equals(publisherId)
                    && route.track().trackId().equals(trackId)) {
                return route;
            }
        }
        return null;
    }

    /// Stops or resumes forwarding one of this participant's published tracks: while stopped its packets reach no
    /// subscriber and no recording (counted as [DropReason#TRACK_MUTED]), whatever the client keeps sending. Used
    /// for a host's mute and the participant's own (issue 15 finding 6). A resumed video track asks for a key frame.
    ///
    /// @param trackId the track id (`a=msid`)
    /// @return false when this participant publishes no such track
    public boolean setTrackForwarding(String trackId, boolean forwarding) {
        TrackRoute route = null;
        synchronized (this) {
            for (TrackRoute candidate : published) {
                if (candidate.track().trackId().equals(trackId)) {
                    route = candidate;
                }
            }
        }
        if (route == null) {
            return false;
        }
        boolean resumed = forwarding && !route.forwarding();
        route.forwarding(forwarding);
        if (resumed && route.track().kind() == MediaKind.VIDEO) {
            server.router().requestKeyFrame(route);
        }
        return true;
    }

    /// Leaves the room; same as [SfuRoom#leave(String)].
    public void close() {
        room.leave(participantId);
    }

    /// Brings the subscriber PeerConnection in line with the room's tracks, or queues that while an offer is out.
    void renegotiate() {
        String offer;
        // The room's tracks are read and the offer built under one lock (order: room before participant), so a
        // renegotiation computed from an older view of the room can never run after a newer one and take tracks
        // away again (seen with three clients joining at once).
        synchronized (room) {
            List<TrackRoute> wanted = room.routesExcept(this);
            synchronized (this) {
                if (closed) {
                    return;
                }
                if (offeredSlots != null) {
                    renegotiationPending = true;
                    return;
                }
                List<SubscriberSlot> nextSlots = new ArrayList<>(slots);
                List<@Nullable TrackRoute> nextRoutes = new ArrayList<>(slotRoutes);
                boolean changed = false;
                for (int i = 0; i < nextSlots.size(); i++) {
                    TrackRoute route = nextRoutes.get(i);
                    if (route != null && !wanted.contains(route)) {
                        SubscriberSlot slot = nextSlots.get(i);
                        nextSlots.set(i, new SubscriberSlot(slot.mid(), slot.kind(), slot.codec(), null, null));
                        nextRoutes.set(i, null);
                        changed = true;
                    }
                }
                for (TrackRoute route : wanted) {
                    if (!nextRoutes.contains(route)) {
                        nextSlots.add(new SubscriberSlot(String.valueOf(nextMid++), route.track().kind(),
                                route.offered().codec(), route.track().participantId(), route.offered()));
                        nextRoutes.add(route);
                        changed = true;
                    }
                }
                if (!changed || nextSlots.isEmpty()) {
                    return;
                }
                offeredSlots = List.copyOf(nextSlots);
                offeredRoutes = java.util.Collections.unmodifiableList(new ArrayList<>(nextRoutes));
                offer = SubscriberNegotiation.offer(localParameters(subscribeTransport), offeredSlots,
                        subscriberSessionId, ++subscriberVersion);
            }
        }
        listener.onSubscriberOffer(offer);
    }

    synchronized List<TrackRoute> published() {
        return published;
    }

    synchronized List<TrackRoute> takePublished() {
        List<TrackRoute> tracks = published;
        published = List.of();
        return tracks;
    }

    SfuListener listener() {
        return listener;
    }

    void closeTransports() {
        synchronized (this) {
            closed = true;
        }
        server.router().remove(publishTransport);
        server.router().remove(subscribeTransport);
    }

    private LocalTransportParameters localParameters(PeerTransport transport) {
        return new LocalTransportParameters(transport.localCredentials().ufrag(), transport.localCredentials().pwd(),
                server.certificate().fingerprint(), server.config().advertisedAddresses(), server.port());
    }
}
